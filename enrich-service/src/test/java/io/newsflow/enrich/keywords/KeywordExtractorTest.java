package io.newsflow.enrich.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.SeedArticle;
import io.newsflow.enrich.language.TermAnalyzers;
import io.newsflow.enrich.text.SentenceSplitter;
import io.newsflow.enrich.text.TextExtractor;
import io.newsflow.events.Enrichment.Keyword;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordExtractorTest {

    private static final TermAnalyzers analyzers = new TermAnalyzers(SeedArticle.properties());
    private static final KeywordExtractor extractor = new KeywordExtractor(SeedArticle.properties());

    @Test
    void findsTheSeedArticlesTopicsIncludingMultiWordPhrases() {
        var keywords = seedKeywords(10);

        assertThat(keywords).extracting(Keyword::term).contains("peacekeeping", "security guarantees");
        assertThat(keywords).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void ranksByScoreWithTheBestAtOne() {
        var keywords = seedKeywords(10);

        assertThat(keywords.getFirst().score()).isEqualTo(1.0);
        assertThat(keywords)
                .extracting(Keyword::score)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a))
                .allSatisfy(score -> assertThat(score).isBetween(0.0, 1.0));
    }

    @Test
    void keepsOnlyTheTopN() {
        assertThat(seedKeywords(3)).hasSize(3);
    }

    @Test
    void countsInflectionsOfAPhraseAsOne() {
        var sentences = List.of(
                "Kyiv wants security guarantees before any deal.",
                "A security guarantee from Washington is essential.",
                "Allies discussed security guarantees again on Monday.");

        var keywords = extractor.extract("Talks", sentences, analyzers.forLanguage("en"), 10);

        assertThat(keywords)
                .extracting(Keyword::term)
                .filteredOn(term -> term.startsWith("security guarantee"))
                .containsExactly("security guarantees");
    }

    @Test
    void keepsTheCapitalisationOfNamesOnly() {
        var sentences = List.of(
                "The talks with von der Leyen went well.",
                "Later von der Leyen spoke about the talks.",
                "Von der Leyen said the talks were useful.");

        var keywords = extractor.extract("Talks", sentences, analyzers.forLanguage("en"), 10);

        assertThat(keywords).extracting(Keyword::term).contains("von der Leyen", "talks");
    }

    @Test
    void worksWithTheStopwordsAndStemsOfOtherLanguagesAndKeepsGermanNounsCapitalised() {
        var sentences = List.of(
                "Die Sicherheitsgarantien für die Ukraine sind entscheidend.",
                "Ohne Sicherheitsgarantien gibt es keinen Frieden in der Ukraine.",
                "Die Friedensmission wird vorbereitet.");

        var keywords = extractor.extract(null, sentences, analyzers.forLanguage("de"), 5);

        assertThat(keywords)
                .extracting(Keyword::term)
                .contains("Sicherheitsgarantien")
                .doesNotContain("die", "der");
    }

    /**
     * Snowball's lists keep homonyms out of the stopwords ("est" is also "east"), and "wurde", "den" (Dutch) or "tout"
     * are not in them at all: only the document frequencies tell that such words say nothing about an article.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            de | Die Brücke wurde gesperrt. Der Verkehr wurde umgeleitet. Die Brücke wurde ganz neu gebaut. | wurde | Brücke
            nl | Den Haag besloot over den dijk. Den dijk werd hersteld. De dijk is zoo hoog als den toren. | den | dijk
            fr | Le port est fermé. Tout le port est calme. Le port est plus grand que tout autre port. | est;tout;plus | port
            """)
    void leavesOutTheFunctionWordsTheStopwordListsMiss(
            String language, String text, String functionWords, String topic) {
        var sentences = SentenceSplitter.sentences(text);

        var keywords = extractor.extract(null, sentences, analyzers.forLanguage(language), 5);

        assertThat(keywords).extracting(Keyword::term).contains(topic).doesNotContain(functionWords.split(";"));
    }

    @Test
    void leavesOutPhrasesThatNameAnEntityTheArticleAlreadyLists() {
        var sentences = SentenceSplitter.sentences(TextExtractor.plainText(SeedArticle.body(), List.of("RksNews")));

        var all = extractor.extract(SeedArticle.title(), sentences, analyzers.forLanguage("en"), 10);
        var withoutNames = extractor.extract(
                SeedArticle.title(), sentences, analyzers.forLanguage("en"), 10, "von der Leyen"::equalsIgnoreCase);

        assertThat(all).extracting(Keyword::term).contains("von der Leyen");
        assertThat(withoutNames)
                .extracting(Keyword::term)
                .doesNotContain("von der Leyen")
                .contains("peacekeeping", "security guarantees")
                .hasSize(10);
    }

    @Test
    void singleWordsThatRepeatAKeptPhraseAreLeftOut() {
        var keywords = seedKeywords(10);

        assertThat(keywords)
                .extracting(Keyword::term)
                .contains("troop deployment")
                .doesNotContain("troop", "deployment");
    }

    private static List<Keyword> seedKeywords(int limit) {
        var sentences = SentenceSplitter.sentences(TextExtractor.plainText(SeedArticle.body(), List.of("RksNews")));
        return extractor.extract(SeedArticle.title(), sentences, analyzers.forLanguage("en"), limit);
    }
}
