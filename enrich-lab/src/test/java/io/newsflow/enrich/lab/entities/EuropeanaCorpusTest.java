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

        assertThat(sentences).hasSize(3);
        assertThat(sentences.get(0).tokens()).containsExactly("Donnerstag", ",", "1", ".");
        assertThat(sentences.get(1).tokens()).containsExactly("Januar", ".");
        assertThat(sentences.get(2).tokens())
                .startsWith("Sir", "Henry", "Layard")
                .endsWith("worden", ",", "weiß");
        assertThat(sentences).extracting(ConllCorpus.Sentence::documentStart).containsExactly(true, false, false);
    }

    @Test
    void repairsTagCaseLinesWithSeveralTokensAndLinesWithoutATag() throws Exception {
        var sentence = EuropeanaCorpus.read(List.of(excerpt())).get(2);

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
    void cutsARunWithoutSentencePunctuationAtTheLongestSentence() {
        var lines =
                java.util.stream.IntStream.range(0, 130).mapToObj(i -> "wort O").toList();

        assertThat(EuropeanaCorpus.sentences(lines))
                .extracting(s -> s.tokens().size())
                .containsExactly(EuropeanaCorpus.MAX_TOKENS, EuropeanaCorpus.MAX_TOKENS, 10);
    }
}
