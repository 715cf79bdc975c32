package io.newsflow.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the build found the Kafka broker's jars, the Elasticsearch distribution and our language analysis plugin for it.
 */
record Artifacts(String kafkaClasspath, String elasticsearchVersion, Path elasticsearchZip, Path analysisPlugin) {

    static Artifacts load() {
        Properties properties = new Properties();
        try (InputStream in = Artifacts.class.getResourceAsStream("artifacts.properties")) {
            if (in == null) {
                throw new InfraException("artifacts.properties is missing from newsflow-local-infra; rebuild it with "
                        + "'./mvnw -pl local-infra install'.");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (properties.getProperty("elasticsearch.analysis-plugin.pom") == null) {
            throw new InfraException("newsflow-local-infra was built before it installed the language analysis plugin; "
                    + "rebuild it with './mvnw -pl local-infra -am install'.");
        }
        Artifacts artifacts = new Artifacts(
                properties.getProperty("kafka.classpath"),
                properties.getProperty("elasticsearch.version"),
                Path.of(properties.getProperty("elasticsearch.zip")),
                analysisPlugin(
                        Path.of(properties.getProperty("elasticsearch.analysis-plugin.pom")),
                        properties.getProperty("elasticsearch.analysis-plugin.zip")));
        for (String jar : artifacts.kafkaClasspath.split(java.io.File.pathSeparator)) {
            if (!Files.isRegularFile(Path.of(jar))) {
                throw new InfraException("Kafka jar " + jar + " is not in the local Maven repository any more; "
                        + "rebuild with './mvnw -pl local-infra install' to download it again.");
            }
        }
        if (!Files.isRegularFile(artifacts.elasticsearchZip)) {
            throw new InfraException("The Elasticsearch distribution " + artifacts.elasticsearchZip + " is missing; "
                    + "rebuild with './mvnw -pl local-infra install' to download it again.");
        }
        return artifacts;
    }

    /**
     * The plugin zip beside the module's pom: in its {@code target/} when the pom is the reactor's, beside it in the
     * local Maven repository. It may not exist (a build that stopped before {@code package}): see
     * {@link LocalElasticsearch}.
     */
    static Path analysisPlugin(Path pom, String zip) {
        Path built = pom.resolveSibling("target").resolve(zip);
        Path installed = pom.resolveSibling(zip);
        return Files.isRegularFile(built) || !Files.isRegularFile(installed) ? built : installed;
    }
}
