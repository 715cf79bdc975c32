package io.newsflow.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.IngestProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class FeedsPropertiesTest {

    @Test
    void theAllowListBindsFromTheEnvironmentVariableTheIssueNames() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("NEWSFLOW_INGEST_FEEDS_ALLOWED_HOSTS", "127.0.0.1,feeds.internal")));

        var hosts = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()))
                .bind("newsflow.ingest.feeds.allowed-hosts", String[].class)
                .get();

        assertThat(hosts).containsExactly("127.0.0.1", "feeds.internal");
        assertThat(IngestProperties.Feeds.class.getRecordComponents())
                .extracting(component -> component.getName())
                .contains("allowedHosts");
    }
}
