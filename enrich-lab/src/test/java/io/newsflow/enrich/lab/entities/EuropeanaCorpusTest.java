package io.newsflow.enrich.lab.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class EuropeanaCorpusTest {

    private static Path excerpt() throws URISyntaxException {
        return Path.of(EuropeanaCorpusTest.class
                .getResource("/entities/europeana-de-sbb-excerpt.bio")
                .toURI());
    }

    @Test
    void splitsTheTokenStreamIntoSentencesAtSentencePunctuationAndSkipsPageHeaders() throws Exception {
        var sentences = EuropeanaCorpus.read(List.of(excerpt()));

        // No sentence end after the one-character "1": an initial or, as here, an ordinal date.
        assertThat(sentences).hasSize(2);
        assertThat(sentences.get(0).tokens()).containsExactly("Donnerstag", ",", "1", ".", "Januar", ".");
        assertThat(sentences.get(1).tokens())
                .startsWith("Sir", "Henry", "Layard")
                .endsWith("worden", ",", "weiß");
        assertThat(sentences).extracting(ConllCorpus.Sentence::documentStart).containsExactly(true, false);
    }

    @Test
    void repairsTagCaseLinesWithSeveralTokensAndLinesWithoutATag() throws Exception {
        var sentence = EuropeanaCorpus.read(List.of(excerpt())).get(1);

        assertThat(ConllCorpus.chunks(sentence.tags())).containsExactly(new Span(0, 3, "PER"));
        assertThat(sentence.tokens()).containsSubsequence("„", "Die", "Böhminger", "'");
        assertThat(sentence.tokens()).hasSameSizeAs(sentence.tags());
        assertThat(sentence.tags().get(sentence.tokens().indexOf("worden"))).isEqualTo("O");
    }

    @Test
    void anUnknownTypeIsNoEntity() {
        // enp_DE.lft.bio line 1189 (CC0), with its neighbours.
        var sentences = EuropeanaCorpus.sentences(List.of("Herr O", "Gruber B-BER", "Anton B-PER", "Maier I-PER"));

        assertThat(ConllCorpus.chunks(sentences.getFirst().tags())).containsExactly(new Span(2, 4, "PER"));
    }

    @Test
    void splitsPunctuationOffOcrWordsAndKeepsItOutOfTheEntity() {
        // enp_NL.kb.bio lines 8399-8402 (CC0).
        var sentences = EuropeanaCorpus.sentences(List.of("J. B-PER", "H. I-PER", "Dekker, I-PER", "zonder O"));

        assertThat(sentences.getFirst().tokens()).containsExactly("J", ".", "H", ".", "Dekker", ",", "zonder");
        assertThat(ConllCorpus.chunks(sentences.getFirst().tags())).containsExactly(new Span(0, 5, "PER"));
    }

    @Test
    void cutsARunWithoutSentencePunctuationAtTheLongestSentence() {
        var lines =
                java.util.stream.IntStream.range(0, 130).mapToObj(i -> "wort O").toList();

        assertThat(EuropeanaCorpus.sentences(lines))
                .extracting(s -> s.tokens().size())
                .containsExactly(EuropeanaCorpus.MAX_TOKENS, EuropeanaCorpus.MAX_TOKENS, 10);
    }

    @Test
    void readsTheIob1TagsOfTheFrenchFileAnIBeginsAnEntityAfterOOrPunctuation() throws Exception {
        var file = Path.of(EuropeanaCorpusTest.class
                .getResource("/entities/europeana-fr-bnf-excerpt.bio")
                .toURI());

        var sentences = EuropeanaCorpus.read(List.of(file));
        var tokens = sentences.stream().flatMap(s -> s.tokens().stream()).toList();
        var tags = sentences.stream().flatMap(s -> s.tags().stream()).toList();
        var entities = ConllCorpus.chunks(tags).stream()
                .map(span -> span.getType() + " " + String.join(" ", tokens.subList(span.getStart(), span.getEnd())))
                .toList();

        // "M." is no part of the name and gives no sentence end; "Rue du Pré-Botté , aS RENNES" are two places.
        assertThat(entities)
                .containsExactly(
                        "LOC France",
                        "LOC Nord",
                        "PER Eugène Motte",
                        "LOC Rue du Pré-Botté",
                        "LOC RENNES",
                        "PER Hmitropaes");
        assertThat(tokens).containsSubsequence("M", ".", "Eugène", "Motte", ",");
        assertThat(sentences.get(1).tokens()).startsWith("Dans", "le", "Nord");
    }
}
