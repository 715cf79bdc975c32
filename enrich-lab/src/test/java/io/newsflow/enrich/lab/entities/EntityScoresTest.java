package io.newsflow.enrich.lab.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class EntityScoresTest {

    @Test
    void chunksFollowConllevalForIob2AndIob1Tags() {
        assertThat(ConllCorpus.chunks(List.of("B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG")))
                .containsExactly(
                        new Span(0, 2, "PER"), new Span(3, 4, "LOC"), new Span(4, 5, "LOC"), new Span(5, 6, "ORG"));
        assertThat(ConllCorpus.chunks(List.of("I-PER", "I-PER", "I-LOC", "O", "I-MISC")))
                .containsExactly(new Span(0, 2, "PER"), new Span(2, 3, "LOC"), new Span(4, 5, "MISC"));
    }

    @Test
    void countsOnlyExactSpansOfTheRightTypeAndIgnoresMiscellaneous() {
        var scores = new EntityScores();
        scores.add(
                List.of(new Span(0, 2, "PER"), new Span(3, 4, "LOC"), new Span(5, 6, "ORG"), new Span(7, 8, "MISC")),
                List.of(new Span(0, 2, "PER"), new Span(3, 4, "ORG"), new Span(5, 7, "ORG"), new Span(7, 8, "MISC")));

        var overall = scores.score(EntityScores.OVERALL);
        assertThat(overall.gold()).isEqualTo(3);
        assertThat(overall.predicted()).isEqualTo(3);
        assertThat(overall.correct()).isEqualTo(1);
        assertThat(overall.f1()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(scores.score("PER").f1()).isEqualTo(1.0);
        assertThat(scores.score("ORG").precision()).isZero();
        assertThat(scores.score("LOC").recall()).isZero();
    }
}
