package io.newsflow.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnrichAloneTest {

    @Test
    void readsTheResultLineAmongTheBuildsOutput() {
        var measured = EnrichAlone.parse("Building enrich-lab ...\nENRICH-ALONE 2000 18.500 21.250\n");

        assertThat(measured).hasValueSatisfying(m -> {
            assertThat(m.anchor().count()).isEqualTo(2000);
            assertThat(m.anchor().rate()).isEqualTo(2000 / 18.5);
            assertThat(m.cpuSeconds()).hasValue(21.25);
        });
    }

    @Test
    void aResultLineWithoutCpuSecondsStillGivesTheAnchor() {
        assertThat(EnrichAlone.parse("ENRICH-ALONE 10 1.0"))
                .hasValueSatisfying(m -> assertThat(m.cpuSeconds()).isEmpty());
    }

    @Test
    void answersNothingWithoutAResultLine() {
        assertThat(EnrichAlone.parse("Exception in thread \"main\" java.lang.OutOfMemoryError"))
                .isEmpty();
    }
}
