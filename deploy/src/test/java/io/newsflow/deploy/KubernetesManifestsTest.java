package io.newsflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The base and every overlay, rendered as {@code kubectl apply -k} would, hold up to every check. */
class KubernetesManifestsTest {

    static final ServiceSources SOURCES = ServiceSources.ofRepository();

    static Stream<String> kustomizations() {
        return Stream.of("base", "overlays/local");
    }

    static List<ObjectNode> render(String kustomization) {
        return Kustomize.build(SOURCES.root().resolve(Path.of("deploy/kubernetes", kustomization)));
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
    @MethodSource("kustomizations")
    void everyObjectMatchesTheSchemaOfItsKind(String kustomization) {
        assertThat(checks(kustomization).schemaProblems()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void probesAskTheActuatorHealthGroups(String kustomization) {
        assertNoProblems(kustomization, ManifestChecks::probes);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void podsRunUnprivilegedOnAReadOnlyRootFileSystem(String kustomization) {
        assertNoProblems(kustomization, ManifestChecks::securityContexts);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void resourcesFitTheJvm(String kustomization) {
        assertNoProblems(kustomization, ManifestChecks::resources);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void theGracePeriodCoversGracefulShutdown(String kustomization) {
        assertNoProblems(kustomization, ManifestChecks::gracefulShutdown);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void aDisruptionBudgetGuardsEveryService(String kustomization) {
        assertNoProblems(kustomization, ManifestChecks::disruptionBudgets);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void aServiceSelectsEveryDeploymentsPods(String kustomization) {
        assertNoProblems(kustomization, ManifestChecks::services);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void podsSpreadOverNodesAndZones(String kustomization) {
        assertNoProblems(kustomization, ManifestChecks::topologySpread);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void configurationComesFromExistingConfigMapsAndSecretsUnderComposesNames(String kustomization) {
        assertNoProblems(kustomization, ManifestChecks::configuration);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void servicesReachTheOperatorsKafkaAndElasticsearch(String kustomization) {
        assertNoProblems(kustomization, ManifestChecks::backends);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyTopicTheServicesDeclareIsAKafkaTopicWithTheirSettings(String kustomization) {
        assertNoProblems(kustomization, ManifestChecks::topics);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void enrichAndSearchScaleOnTheirConsumerLagWithinThePartitions(String kustomization) {
        assertNoProblems(kustomization, ManifestChecks::autoscaling);
    }

    private static ManifestChecks checks(String kustomization) {
        return new ManifestChecks(render(kustomization), SOURCES);
    }

    private static void assertNoProblems(String kustomization, Function<ManifestChecks, List<String>> check) {
        assertThat(check.apply(checks(kustomization))).isEmpty();
    }
}
