package io.newsflow.e2e.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsTheMetricNamesOfAnExpressionAndNoFunctionLabelOrKeyword() {
        var expression = "histogram_quantile(0.99, sum by (le, application) (rate("
                + "newsflow_search_batch_duration_seconds_bucket{outcome=~\"a|b\", application!=\"x\"}[5m])))"
                + " / on (application) group_left sum(rate(http_server_requests_seconds_count[1m] offset 5m)) > 0";

        assertThat(PromQl.metricNames(expression))
                .containsExactly("http_server_requests_seconds_count", "newsflow_search_batch_duration_seconds_bucket");
    }

    @Test
    void findsABareMetricName() {
        assertThat(PromQl.metricNames("kafka_consumer_fetch_manager_records_lag"))
                .containsExactly("kafka_consumer_fetch_manager_records_lag");
    }
}
