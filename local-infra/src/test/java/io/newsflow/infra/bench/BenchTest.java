package io.newsflow.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.infra.InfraException;
import org.junit.jupiter.api.Test;

class BenchTest {

    @Test
    void readsTheIndexSizeFromElasticsearchsCountAnswer() {
        assertThat(Bench.count("{\"count\":35120,\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0}}"))
                .isEqualTo(35_120);
        assertThatThrownBy(() -> Bench.count("{\"error\":{\"type\":\"index_not_found_exception\"},\"status\":404}"))
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("index_not_found_exception");
    }
}
