package io.newsflow.enrich.category;

import java.util.Arrays;
import java.util.Optional;

/**
 * Newsflow's categories: the 17 top-level IPTC Media Topics (NewsCodes of 2023-10-24, CC BY 4.0), each with its
 * medtop code and en-GB name, and the BBC News corpus class it is trained from where one exists. Labels are
 * lower-case slugs so that they can be tags as they are. The five with a BBC class come first, in the order of the
 * category model's file.
 */
public enum Taxonomy {
    ECONOMY_BUSINESS_FINANCE(
            "economy-business-finance", "medtop:04000000", "economy, business and finance", "business"),
    ARTS_CULTURE_ENTERTAINMENT(
            "arts-culture-entertainment-media",
            "medtop:01000000",
            "arts, culture, entertainment and media",
            "entertainment"),
    POLITICS("politics", "medtop:11000000", "politics", "politics"),
    SPORT("sport", "medtop:15000000", "sport", "sport"),
    SCIENCE_TECHNOLOGY("science-technology", "medtop:13000000", "science and technology", "tech"),
    CRIME_LAW_JUSTICE("crime-law-justice", "medtop:02000000", "crime, law and justice", null),
    DISASTER_ACCIDENT_EMERGENCY(
            "disaster-accident-emergency", "medtop:03000000", "disaster, accident and emergency incident", null),
    EDUCATION("education", "medtop:05000000", "education", null),
    ENVIRONMENT("environment", "medtop:06000000", "environment", null),
    HEALTH("health", "medtop:07000000", "health", null),
    HUMAN_INTEREST("human-interest", "medtop:08000000", "human interest", null),
    LABOUR("labour", "medtop:09000000", "labour", null),
    LIFESTYLE_LEISURE("lifestyle-leisure", "medtop:10000000", "lifestyle and leisure", null),
    RELIGION("religion", "medtop:12000000", "religion", null),
    SOCIETY("society", "medtop:14000000", "society", null),
    CONFLICT_WAR_PEACE("conflict-war-peace", "medtop:16000000", "conflict, war and peace", null),
    WEATHER("weather", "medtop:17000000", "weather", null);

    private final String label;
    private final String iptcCode;
    private final String iptcName;
    private final String bbcClass;

    Taxonomy(String label, String iptcCode, String iptcName, String bbcClass) {
        this.label = label;
        this.iptcCode = iptcCode;
        this.iptcName = iptcName;
        this.bbcClass = bbcClass;
    }

    public String label() {
        return label;
    }

    public String iptcCode() {
        return iptcCode;
    }

    public String iptcName() {
        return iptcName;
    }

    /** The BBC class this topic learns from, if the corpus has one. */
    public Optional<String> bbcClass() {
        return Optional.ofNullable(bbcClass);
    }

    public static Optional<Taxonomy> ofBbcClass(String bbcClass) {
        return Arrays.stream(values()).filter(t -> bbcClass.equals(t.bbcClass)).findFirst();
    }

    public static Optional<Taxonomy> ofLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }

    public static Optional<Taxonomy> ofIptcCode(String code) {
        return Arrays.stream(values()).filter(t -> t.iptcCode.equals(code)).findFirst();
    }
}
