package io.newsflow.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
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

    @Test
    void refusesAJarOlderThanItsModulesSources() throws Exception {
        Path target = Files.createDirectories(home.resolve("search-service/target"));
        Path jar = Files.createFile(target.resolve("newsflow-search-service-0.1.0-SNAPSHOT.jar"));
        Path yaml = Files.createFile(Files.createDirectories(home.resolve("search-service/src/main/resources"))
                .resolve("application.yaml"));
        Files.setLastModifiedTime(yaml, FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T11:00:00Z")));

        assertThat(ServiceJar.current(home, "search-service")).isEqualTo(jar);

        Files.setLastModifiedTime(yaml, FileTime.from(Instant.parse("2026-12-01T12:00:00Z")));
        assertThatThrownBy(() -> ServiceJar.current(home, "search-service"))
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("older than search-service/src/main/resources/application.yaml")
                .hasMessageContaining("-pl search-service -am");
    }

    @Test
    void anExtractionOlderThanItsJarIsExtractedAgain() throws Exception {
        Path jar = Files.createFile(
                Files.createDirectories(home.resolve("search-service/target")).resolve("search-service.jar"));
        Path launcher = home.resolve(".newsflow/jars/search-service/search-service.jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));

        assertThat(ServiceJar.isExtracted(jar, launcher)).isFalse();

        Files.createFile(Files.createDirectories(launcher.getParent()).resolve("search-service.jar"));
        Files.setLastModifiedTime(launcher, FileTime.from(Instant.parse("2026-12-01T10:00:01Z")));
        assertThat(ServiceJar.isExtracted(jar, launcher)).isTrue();

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T11:00:00Z")));
        assertThat(ServiceJar.isExtracted(jar, launcher)).isFalse();
    }

    @Test
    void aJarThatCannotBeExtractedIsRefusedWithWhatTheToolSaid() throws Exception {
        Path jar = Files.writeString(
                Files.createDirectories(home.resolve("search-service/target")).resolve("search-service.jar"),
                "not a jar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        assertThatThrownBy(() -> ServiceJar.extracted(java, jar, home.resolve(".newsflow/jars/search-service")))
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("Cannot extract")
                .hasMessageContaining("search-service.jar");
    }
}
