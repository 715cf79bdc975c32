package io.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.testing.TestInfrastructure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A service given a bad setting does not start: it exits with 1 and one message that names the setting by its
 * environment variable and its property, says what is wrong with it, and where the value came from.
 */
class ConfigurationErrorTest {

    @ParameterizedTest(name = "{0} with {1}={2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    ingest-service | NEWSFLOW_TOPICS_PARTITIONS             | 0                              | NEWSFLOW_TOPICS_PARTITIONS (newsflow.topics.partitions): must be greater than or equal to 1
                    ingest-service | NEWSFLOW_INGEST_FEEDS_ALLOWEDHOSTS     | feeds.example,http://x.example | NEWSFLOW_INGEST_FEEDS_ALLOWEDHOSTS_1 (newsflow.ingest.feeds.allowed-hosts[1]): must be a host name or an IP address
                    enrich-service | NEWSFLOW_ENRICH_LANGUAGES              | en,english                     | NEWSFLOW_ENRICH_LANGUAGES_1 (newsflow.enrich.languages[1]): must be an ISO 639-1 code
                    enrich-service | NEWSFLOW_TOPICS_RAW                    | raw articles                   | NEWSFLOW_TOPICS_RAW (newsflow.topics.raw): must be a Kafka topic name
                    search-service | NEWSFLOW_SEARCH_INDEXING_MAXBATCHBYTES | 4GB                            | NEWSFLOW_SEARCH_INDEXING_MAXBATCHBYTES (newsflow.search.indexing.max-batch-bytes): must be between 1KB and 1GB; the value is "4GB"
                    search-service | NEWSFLOW_SEARCH_INDEXING_CONCURRENCY   | three                          | NEWSFLOW_SEARCH_INDEXING_CONCURRENCY (newsflow.search.indexing.concurrency): cannot be read as int
                    """)
    void aBadSettingStopsTheServiceNamingItsVariableAndPropertyAndWhatIsWrong(
            String service, String variable, String value, String message) {
        var infrastructure = TestInfrastructure.get();
        var environment = Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS",
                infrastructure.kafkaBootstrapServers(),
                "SPRING_ELASTICSEARCH_URIS",
                infrastructure.elasticsearchUrl(),
                variable,
                value);

        var exit = ServiceProcess.runUntilExit(service, Map.of(), environment, Duration.ofSeconds(90));

        assertThat(exit.code()).as("exit code; log:%n%s", exit.log()).isEqualTo(1);
        assertThat(exit.log())
                .contains("APPLICATION FAILED TO START")
                .contains(message)
                .contains("from System Environment Property \"" + variable + "\"");
    }
}
