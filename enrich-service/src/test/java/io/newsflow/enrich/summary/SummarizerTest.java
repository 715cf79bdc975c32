package io.newsflow.enrich.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.SeedArticle;
import io.newsflow.enrich.language.TermAnalyzers;
import io.newsflow.enrich.text.SentenceSplitter;
import io.newsflow.enrich.text.TextExtractor;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummarizerTest {

    private static final TermAnalyzers analyzers = new TermAnalyzers(SeedArticle.properties());
    private static final Summarizer summarizer = new Summarizer();
    private static final List<String> seedSentences =
            SentenceSplitter.sentences(TextExtractor.plainText(SeedArticle.body(), List.of("RksNews")));

    @Test
    void summarisesTheSeedArticleAsEuropeanPlansForTroopsInUkraine() {
        var summary = summarizer.summarize(SeedArticle.title(), seedSentences, analyzers.forLanguage("en"), 3, 600);

        assertThat(summary.lede())
                .isEqualTo("European allies of Kyiv are working on “very precise plans” to deploy troops in Ukraine"
                        + " if a peace agreement is reached between Kyiv and Moscow, European Commission President"
                        + " Ursula von der Leyen said.");
        assertThat(summary.text()).contains("European", "troops", "Ukraine");
    }

    @Test
    void takesTwoToFourWholeSentencesInArticleOrderWithinTheBudget() {
        for (int max = 2; max <= 4; max++) {
            var summary =
                    summarizer.summarize(SeedArticle.title(), seedSentences, analyzers.forLanguage("en"), max, 700);

            assertThat(summary.sentences()).hasSizeBetween(2, max);
            assertThat(seedSentences).containsAll(summary.sentences());
            assertThat(summary.sentences())
                    .isSortedAccordingTo((a, b) -> Integer.compare(seedSentences.indexOf(a), seedSentences.indexOf(b)));
            assertThat(summary.text().length()).isLessThanOrEqualTo(700);
        }
    }

    @Test
    void leavesOutHeadingsAndListFragments() {
        var summary = summarizer.summarize(SeedArticle.title(), seedSentences, analyzers.forLanguage("en"), 4, 2000);

        assertThat(summary.sentences())
                .doesNotContain("Paris Summit on September 4", "German Chancellor Friedrich Merz")
                .allSatisfy(sentence -> assertThat(sentence).matches("(?s).*[.!?…][\"'”’»)]*"));
    }

    @Test
    void keepsTwoSentencesEvenWhenTheyExceedATinyBudget() {
        var summary = summarizer.summarize(SeedArticle.title(), seedSentences, analyzers.forLanguage("en"), 3, 100);

        assertThat(summary.sentences()).hasSize(2);
    }

    @Test
    void selectsTheRequestedNumberOfSentencesInOrderForEvaluation() {
        var selected = summarizer.select(SeedArticle.title(), seedSentences, analyzers.forLanguage("en"), 3);

        assertThat(selected).hasSize(3).isSorted();
    }
}
