package io.newsflow.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToAHundred() {
        var sample = new ArrayList<Long>();
        for (long i = 100; i >= 1; i--) {
            sample.add(i);
        }
        var percentiles = new Percentiles(sample);

        assertThat(percentiles.at(50)).isEqualTo(50);
        assertThat(percentiles.at(95)).isEqualTo(95);
        assertThat(percentiles.at(99)).isEqualTo(99);
        assertThat(percentiles.at(100)).isEqualTo(100);
        assertThat(percentiles.at(0.5)).isEqualTo(1);
    }

    @Test
    void aSmallSampleAnswersOneOfItsValues() {
        var percentiles = new Percentiles(List.of(30L, 10L, 20L));

        assertThat(percentiles.at(50)).isEqualTo(20);
        assertThat(percentiles.at(95)).isEqualTo(30);
        assertThat(percentiles.sorted()).containsExactly(10, 20, 30);
    }

    @Test
    void anEmptySampleSaysSoAndAPercentileIsInRange() {
        assertThat(new Percentiles(List.of()).at(50)).isEqualTo(-1);
        assertThatThrownBy(() -> new Percentiles(List.of(1L)).at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Percentiles(List.of(1L)).at(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
