package io.newsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class EnvironmentVariablesTest {

    @ParameterizedTest
    @CsvSource({
        "newsflow.topics.partitions, NEWSFLOW_TOPICS_PARTITIONS",
        "newsflow.topics.replication-factor, NEWSFLOW_TOPICS_REPLICATIONFACTOR",
        "newsflow.ingest.feeds.maxItemsPerPoll, NEWSFLOW_INGEST_FEEDS_MAXITEMSPERPOLL",
        "newsflow.enrich.languages[0], NEWSFLOW_ENRICH_LANGUAGES_0",
        "newsflow.search.cors.allowed-origins[12].host, NEWSFLOW_SEARCH_CORS_ALLOWEDORIGINS_12_HOST",
        "server.port, SERVER_PORT"
    })
    void namesThePropertysVariableAsRelaxedBindingReadsIt(String property, String variable) {
        assertThat(EnvironmentVariables.of(property)).isEqualTo(variable);
    }

    @Test
    void springBootBindsTheNamedVariablesToTheirProperties() {
        var environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of(
                        EnvironmentVariables.of("newsflow.topics.replication-factor"), "3",
                        EnvironmentVariables.of("newsflow.enrich.languages[0]"), "en",
                        EnvironmentVariables.of("newsflow.enrich.languages[1]"), "de"));
        var binder = new Binder(ConfigurationPropertySources.from(environment));

        assertThat(binder.bind("newsflow.topics.replication-factor", Integer.class)
                        .get())
                .isEqualTo(3);
        assertThat(binder.bind("newsflow.enrich.languages", Bindable.listOf(String.class))
                        .get())
                .isEqualTo(List.of("en", "de"));
    }
}
