package io.newsflow.extraction.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's evaluate.py on small cases, worked out by hand. */
class ShingleScoreTest {

    @Test
    void scoresAnExactAnswerOneWhateverItsPunctuationAndParagraphs() {
        var score = ShingleScore.of("One two three four five.", "One, two; three\n\nfour five");

        assertThat(score.precision()).isEqualTo(1);
        assertThat(score.recall()).isEqualTo(1);
    }

    @Test
    void countsShinglesOfFourTokensAsMultisets() {
        // gold: [a b c d] [b c d e]; predicted: [a b c d] [b c d x] [c d x y]
        var score = ShingleScore.of("a b c d e", "a b c d x y");

        assertThat(score.tp()).isCloseTo(1 / 4.0, within(1e-9));
        assertThat(score.fp()).isCloseTo(2 / 4.0, within(1e-9));
        assertThat(score.fn()).isCloseTo(1 / 4.0, within(1e-9));
        assertThat(score.precision()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(score.recall()).isCloseTo(1 / 2.0, within(1e-9));
    }

    @Test
    void treatsATextOfFewerThanFourTokensAsOneShingle() {
        assertThat(ShingleScore.of("short text", "short text").f1()).isEqualTo(1);
        assertThat(ShingleScore.of("short text", "short text here").f1()).isZero();
    }

    @Test
    void leavesPagesWithNothingPredictedOutOfThePrecisionMean() {
        var found = ShingleScore.of("a b c d", "a b c d");
        var nothing = ShingleScore.of("a b c d", "");

        var summary = ShingleScore.Summary.of(List.of(found, nothing));

        assertThat(summary.precision()).isEqualTo(1);
        assertThat(summary.recall()).isEqualTo(0.5);
        assertThat(summary.f1()).isCloseTo(2 / 3.0, within(1e-9));
    }

    @Test
    void splitsAboutFortyPercentOfIdsForTuningAndAlwaysTheSameWay() {
        var tuning = 0;
        for (int id = 0; id < 1000; id++) {
            if (Split.isTuning(Integer.toString(id))) {
                tuning++;
            }
        }

        assertThat(tuning).isBetween(350, 450);
        assertThat(Split.isTuning("42")).isEqualTo(Split.isTuning("42"));
    }
}
