package io.newsflow.extraction.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTest {

    @Test
    void carvesTheTuningPagesAloneIntoALookAndACheckHalf() {
        var ids = IntStream.rangeClosed(1, 2000).mapToObj(Integer::toString).toList();
        var tuning = ids.stream().filter(Split::isTuning).count();
        var look = ids.stream().filter(Split::isLook).count();

        assertThat(ids.stream().filter(Split::isLook)).allMatch(Split::isTuning);
        assertThat((double) tuning / ids.size()).isBetween(0.35, 0.45);
        assertThat((double) look / tuning).isBetween(0.42, 0.58);
    }
}
