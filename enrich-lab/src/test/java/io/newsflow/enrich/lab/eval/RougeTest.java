package io.newsflow.enrich.lab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RougeTest {

    @Test
    void identicalTextsScoreOneAndDisjointOnesZero() {
        var same = Rouge.score("The cat sat on the mat.", "the cat sat on the mat");
        var disjoint = Rouge.score("Dogs bark loudly.", "The cat sat on the mat.");

        assertThat(same).isEqualTo(new Rouge.Scores(1, 1, 1));
        assertThat(disjoint).isEqualTo(new Rouge.Scores(0, 0, 0));
    }

    @Test
    void scoresPartialOverlapAsF1() {
        // candidate: the cat sat (3 words, 2 bigrams); reference: the cat ran away (4 words, 3 bigrams)
        var scores = Rouge.score("the cat sat", "the cat ran away");

        assertThat(scores.rouge1()).isCloseTo(2 * (2 / 3.0) * (2 / 4.0) / (2 / 3.0 + 2 / 4.0), within(1e-9));
        assertThat(scores.rouge2()).isCloseTo(2 * (1 / 2.0) * (1 / 3.0) / (1 / 2.0 + 1 / 3.0), within(1e-9));
        assertThat(scores.rougeL()).isCloseTo(scores.rouge1(), within(1e-9));
    }

    @Test
    void theCorpusReaderFallsBackToLatin1ForAStrayByte() {
        var bytes = "Costs \u00a3100".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(BbcCorpus.decode(bytes)).isEqualTo("Costs £100");
        assertThat(BbcCorpus.decode("Costs £100".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Costs £100");
    }
}
