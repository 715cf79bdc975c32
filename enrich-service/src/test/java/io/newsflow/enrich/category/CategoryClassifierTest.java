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
