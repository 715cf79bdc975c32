package io.newsflow.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnrichAloneTest {

    @Test
    void readsTheResultLineAmongTheBuildsOutput() {
        var anchor = EnrichAlone.parse("Building enrich-lab ...\nENRICH-ALONE 2000 18.500\n");

        assertThat(anchor).hasValueSatisfying(a -> {
            assertThat(a.count()).isEqualTo(2000);
            assertThat(a.rate()).isEqualTo(2000 / 18.5);
        });
    }

    @Test
    void answersNothingWithoutAResultLine() {
        assertThat(EnrichAlone.parse("Exception in thread \"main\" java.lang.OutOfMemoryError"))
                .isEmpty();
    }
}
