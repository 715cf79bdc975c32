package io.newsflow.enrich.category;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.SeedArticle;
import io.newsflow.enrich.language.TermAnalyzers;
import io.newsflow.enrich.text.TextExtractor;
import io.newsflow.events.Enrichment.Category;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoryClassifierTest {

    private static final TermAnalyzers analyzers = new TermAnalyzers(SeedArticle.properties());
    private static final CategoryClassifier classifier = new CategoryClassifier();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sport | Arsenal beat Chelsea | The striker scored twice in the second half as the league leaders"
                        + " won the match and stretched their lead at the top of the table.",
                "economy-business-finance | Shares fall | Shares in the bank fell after it reported lower quarterly"
                        + " profits and warned investors that sales and interest rates would weigh on earnings.",
                "science-technology | New phone chip | The chip lets mobile phones run software faster, and the"
                        + " firm says its broadband network and computer users will benefit from the technology.",
                "arts-culture-entertainment-media | Film wins award | The actress won the best film award at the"
                        + " festival, and the director thanked the cast of the comedy and the music of the band.",
                "politics | Election pledge | The minister told MPs the government would hold a vote in parliament"
                        + " before the general election, and the opposition party leader attacked the plans.",
            })
    void assignsTheTopLevelCategoryOfClearArticles(String label, String title, String text) {
        var category = classifier.classify(title, text, analyzers.forLanguage("en"));

        assertThat(category).map(Category::label).contains(label);
        assertThat(category.orElseThrow().confidence()).isBetween(0.2, 1.0);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "disaster-accident-emergency | Warehouse fire in Leeds | Firefighters spent the night tackling a"
                        + " blaze at a warehouse on an industrial estate. Thick smoke could be seen across the city."
                        + " Twelve fire engines attended and no one was hurt. The cause of the fire is not yet known.",
                "crime-law-justice | Man jailed for robbery | A man who robbed three banks at knifepoint was jailed"
                        + " for nine years by the court. Police arrested him after a theft, and the judge said the"
                        + " victims had been terrified by the crime.",
                "health | Hospital waiting lists grow | Patients wait longer for treatment as hospitals struggle"
                        + " with flu. Doctors say wards are full of patients with the disease, and health officials"
                        + " urged people to get a vaccine against the virus.",
                "weather | Heatwave warning | Forecasters issued a weather warning for extreme heat, with"
                        + " temperatures of 35C. The weather forecast says thunderstorms will follow.",
            })
    void assignsMediaTopicsTheBbcCorpusDoesNotHave(String label, String title, String text) {
        var category = classifier.classify(title, text, analyzers.forLanguage("en"));

        assertThat(category).map(Category::label).contains(label);
        assertThat(category.orElseThrow().code())
                .isEqualTo(Taxonomy.ofLabel(label).orElseThrow().iptcCode());
    }

    @Test
    void aWarehouseFireIsNeitherScienceNorPoliticsWithConfidence() {
        var category = classifier
                .classify(
                        "Fire at warehouse",
                        "Fire crews were called to a warehouse on Monday night. The building was destroyed and"
                                + " smoke drifted over nearby homes; the owners said the stock was lost.",
                        analyzers.forLanguage("en"))
                .orElseThrow();

        if (category.label().equals("science-technology") || category.label().equals("politics")) {
            assertThat(category.confidence()).isLessThan(Category.CONFIDENT);
        }
        assertThat(category.label()).isEqualTo("disaster-accident-emergency");
    }

    @Test
    void anArticleWithoutEvidenceForAnyTopicGetsALowConfidence() {
        var category = classifier
                .classify("A note", "Here is the list we talked about yesterday.", analyzers.forLanguage("en"))
                .orElseThrow();

        assertThat(category.confidence()).isLessThan(Category.CONFIDENT);
    }

    @Test
    void carriesTheMediaTopicsCodeAndName() {
        var category = classifier
                .classify(
                        "Election pledge",
                        "The minister told MPs the government would hold a vote in parliament before the election.",
                        analyzers.forLanguage("en"))
                .orElseThrow();

        assertThat(category.code()).isEqualTo("medtop:11000000");
        assertThat(category.name()).isEqualTo("politics");
    }

    @Test
    void aLexiconSurvivesWritingAndReadingUnchanged() throws Exception {
        var lexicon = TopicLexicon.of(java.util.Map.of(
                "blaze", java.util.Map.entry(Taxonomy.DISASTER_ACCIDENT_EMERGENCY, 0.5),
                "verdict", java.util.Map.entry(Taxonomy.CRIME_LAW_JUSTICE, 0.25)));
        var written = new StringWriter();
        lexicon.write(written);

        var read = TopicLexicon.read(new StringReader(written.toString()));

        var evidence = read.evidence(List.of("blaze", "blaze", "^verdict", "other"));
        assertThat(evidence[Taxonomy.DISASTER_ACCIDENT_EMERGENCY.ordinal()]).isEqualTo(1.0);
        assertThat(evidence[Taxonomy.CRIME_LAW_JUSTICE.ordinal()]).isEqualTo(0.25);
        var rewritten = new StringWriter();
        read.write(rewritten);
        assertThat(rewritten.toString()).isEqualTo(written.toString());
    }

    @Test
    void putsTheSeedArticleInPolitics() {
        var text = TextExtractor.plainText(SeedArticle.body(), List.of("RksNews"));

        assertThat(classifier.classify(SeedArticle.title(), text, analyzers.forLanguage("en")))
                .map(Category::label)
                .contains("politics");
    }

    @Test
    void givesNoCategoryForLanguagesTheModelWasNotTrainedOn() {
        assertThat(classifier.classify("Wahl", "Die Regierung verliert die Wahl.", analyzers.forLanguage("de")))
                .isEmpty();
    }

    @Test
    void aModelSurvivesWritingAndReadingUnchanged() throws Exception {
        var english = analyzers.forLanguage("en");
        var model = CategoryModel.train(List.of(
                new CategoryModel.Document(Taxonomy.SPORT, CategoryModel.terms("Match", "goal goal match", english)),
                new CategoryModel.Document(
                        Taxonomy.POLITICS, CategoryModel.terms("Vote", "vote vote minister", english))));
        var written = new StringWriter();
        model.write(written);
        var rewritten = new StringWriter();

        var read = CategoryModel.read(new StringReader(written.toString()));

        assertThat(read.predict(CategoryModel.terms(null, "a goal in the match", english))
                        .label())
                .isEqualTo(Taxonomy.SPORT);
        assertThat(read.predict(CategoryModel.terms(null, "the minister's vote", english))
                        .label())
                .isEqualTo(Taxonomy.POLITICS);
        model.write(rewritten);
        assertThat(rewritten.toString()).isEqualTo(written.toString());
    }
}
