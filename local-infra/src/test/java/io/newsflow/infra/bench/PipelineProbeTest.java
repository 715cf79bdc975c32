package io.newsflow.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PipelineProbeTest {

    @Test
    void searchesTheRunsArticlesNotSeenYetFromDocValues() {
        var query = JsonMapper.builder().build().readTree(PipelineProbe.unseen("run-1", List.of("a", "b")));

        assertThat(query.path("_source").asBoolean(true)).isFalse();
        assertThat(query.path("docvalue_fields").path(0).asString()).isEqualTo("id");
        var bool = query.path("query").path("bool");
        assertThat(bool.path("filter").path(0).path("term").path("source").asString())
                .isEqualTo("run-1");
        assertThat(bool.path("must_not").path(0).path("terms").path("id").values())
                .extracting(node -> node.asString())
                .containsExactly("a", "b");
    }
}
