package io.newsflow.enrich.category;

import java.util.Arrays;
import java.util.Optional;

/**
 * Newsflow's top-level news categories, named after the IPTC Media Topics they correspond to (the IPTC top-level
 * subject, medtop code), with the BBC News corpus class each is trained from. Labels are lower-case slugs so that
 * they can be tags as they are.
 */
public enum Taxonomy {
    ECONOMY_BUSINESS_FINANCE("economy-business-finance", "medtop:04000000", "business"),
    ARTS_CULTURE_ENTERTAINMENT("arts-culture-entertainment-media", "medtop:01000000", "entertainment"),
    POLITICS("politics", "medtop:11000000", "politics"),
    SPORT("sport", "medtop:15000000", "sport"),
    SCIENCE_TECHNOLOGY("science-technology", "medtop:13000000", "tech");

    private final String label;
    private final String iptcCode;
    private final String bbcClass;

    Taxonomy(String label, String iptcCode, String bbcClass) {
        this.label = label;
        this.iptcCode = iptcCode;
        this.bbcClass = bbcClass;
    }

    public String label() {
        return label;
    }

    public String iptcCode() {
        return iptcCode;
    }

    public static Optional<Taxonomy> ofBbcClass(String bbcClass) {
        return Arrays.stream(values()).filter(t -> t.bbcClass.equals(bbcClass)).findFirst();
    }

    public static Optional<Taxonomy> ofLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }
}
