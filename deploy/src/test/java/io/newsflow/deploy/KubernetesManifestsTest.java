package io.newsflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The base and every overlay, rendered as {@code kubectl apply -k} would, hold up to every check. */
class KubernetesManifestsTest {

    static final ServiceSources SOURCES = ServiceSources.ofRepository();

    static final List<String> KUSTOMIZATIONS = List.of("base", "overlays/local");

    private static final Map<String, Function<ManifestChecks, List<String>>> CHECKS = Map.ofEntries(
            Map.entry("every object matches the schema of its kind", ManifestChecks::schemaProblems),
            Map.entry("probes ask the actuator health groups", ManifestChecks::probes),
            Map.entry("pods run unprivileged on a read-only root file system", ManifestChecks::securityContexts),
            Map.entry("resources fit the JVM", ManifestChecks::resources),
            Map.entry("the grace period covers graceful shutdown", ManifestChecks::gracefulShutdown),
            Map.entry("a disruption budget guards every service", ManifestChecks::disruptionBudgets),
            Map.entry("a Service selects every Deployment's pods", ManifestChecks::services),
            Map.entry("pods spread over nodes and zones", ManifestChecks::topologySpread),
            Map.entry("configuration comes from existing ConfigMaps and Secrets", ManifestChecks::configuration),
            Map.entry("services reach the operators' Kafka and Elasticsearch", ManifestChecks::backends),
            Map.entry("every declared topic is a KafkaTopic with its settings", ManifestChecks::topics),
            Map.entry("enrich and search scale on lag within the partitions", ManifestChecks::autoscaling));

    static List<ObjectNode> render(String kustomization) {
        return Kustomize.build(SOURCES.root().resolve(Path.of("deploy/kubernetes", kustomization)));
    }

    static Stream<String> kustomizations() {
        return KUSTOMIZATIONS.stream();
    }

    static Stream<Arguments> checks() {
        return KUSTOMIZATIONS.stream().flatMap(kustomization -> CHECKS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(check -> argumentSet(kustomization + ": " + check.getKey(), kustomization, check.getValue())));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void rendersTheServicesAndTheirBackends(String kustomization) {
        var kinds = render(kustomization).stream()
                .map(object -> object.path("kind").asText() + "/"
                        + object.path("metadata").path("name").asText())
                .toList();

        assertThat(kinds)
                .contains(
                        "Deployment/ingest-service",
                        "Deployment/enrich-service",
                        "Deployment/search-service",
                        "Kafka/newsflow",
                        "KafkaNodePool/dual-role",
                        "Elasticsearch/newsflow",
                        "ScaledObject/enrich-service",
                        "ScaledObject/search-service")
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("checks")
    void holdsUp(String kustomization, Function<ManifestChecks, List<String>> check) {
        assertThat(check.apply(new ManifestChecks(render(kustomization), SOURCES)))
                .isEmpty();
    }
}
