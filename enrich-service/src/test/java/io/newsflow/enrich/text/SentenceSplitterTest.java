package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void doesNotSplitAfterTitlesInitialsAndDottedAbbreviations() {
        var sentences = SentenceSplitter.sentences(
                "Mr. Smith met Dr. J. K. Brown in the U.S. Senate on Jan. 5. They agreed, e.g. on trade. It ended.");

        assertThat(sentences)
                .containsExactly(
                        "Mr. Smith met Dr. J. K. Brown in the U.S. Senate on Jan. 5.",
                        "They agreed, e.g. on trade.",
                        "It ended.");
    }

    @Test
    void keepsClosingQuotesWithTheirSentence() {
        var sentences = SentenceSplitter.sentences(
                "“This has been very clear.” She left. He said: “Is it over?” Nobody knew… and it went on.");

        assertThat(sentences)
                .containsExactly(
                        "“This has been very clear.”",
                        "She left.",
                        "He said: “Is it over?”",
                        "Nobody knew… and it went on.");
    }

    @Test
    void neverJoinsParagraphsSoHeadingsAndListItemsStandAlone() {
        var sentences = SentenceSplitter.sentences("Paris Summit on September 4\n\nLeaders will meet.\n\nKeir Starmer");

        assertThat(sentences).containsExactly("Paris Summit on September 4", "Leaders will meet.", "Keir Starmer");
    }

    @Test
    void splitsSentencesGluedWithoutASpace() {
        var sentences = SentenceSplitter.sentences("Profits rose to $10.9bn.For the full year, sales fell 3%.");

        assertThat(sentences).containsExactly("Profits rose to $10.9bn.", "For the full year, sales fell 3%.");
    }

    @Test
    void handlesOrdinalDatesInGerman() {
        var sentences = SentenceSplitter.sentences("Das Treffen ist am 4. September in Paris. Merz kommt.");

        assertThat(sentences).containsExactly("Das Treffen ist am 4. September in Paris.", "Merz kommt.");
    }
}
