package io.newsflow.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarTest {

    @TempDir
    Path home;

    @Test
    void findsTheServiceJarAndSkipsSourcesJars() throws Exception {
        Path target = Files.createDirectories(home.resolve("search-service/target"));
        Files.createFile(target.resolve("newsflow-search-service-0.1.0-SNAPSHOT-sources.jar"));
        Files.createFile(target.resolve("newsflow-search-service-0.1.0-SNAPSHOT.jar"));
        Files.createFile(target.resolve("newsflow-search-service-0.1.0-SNAPSHOT.jar.original"));

        assertThat(ServiceJar.of(home, "search-service"))
                .isEqualTo(target.resolve("newsflow-search-service-0.1.0-SNAPSHOT.jar"));
        assertThatThrownBy(() -> ServiceJar.of(home, "ingest-service"))
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("ingest-service");
    }
}
