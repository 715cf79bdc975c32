package io.newsflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every check catches the mistake it is there for: each case breaks one thing in the rendered local overlay. */
class ManifestChecksTest {

    static Stream<Arguments> brokenManifests() {
        Function<ManifestChecks, List<String>> schemas = ManifestChecks::schemaProblems;
        Function<ManifestChecks, List<String>> probes = ManifestChecks::probes;
        Function<ManifestChecks, List<String>> security = ManifestChecks::securityContexts;
        Function<ManifestChecks, List<String>> resources = ManifestChecks::resources;
        Function<ManifestChecks, List<String>> shutdown = ManifestChecks::gracefulShutdown;
        Function<ManifestChecks, List<String>> budgets = ManifestChecks::disruptionBudgets;
        Function<ManifestChecks, List<String>> services = ManifestChecks::services;
        Function<ManifestChecks, List<String>> spread = ManifestChecks::topologySpread;
        Function<ManifestChecks, List<String>> configuration = ManifestChecks::configuration;
        Function<ManifestChecks, List<String>> backends = ManifestChecks::backends;
        Function<ManifestChecks, List<String>> topics = ManifestChecks::topics;
        Function<ManifestChecks, List<String>> autoscaling = ManifestChecks::autoscaling;
        var container = "/spec/template/spec/containers/0";
        return Stream.of(
                broken(
                        "a misspelt Deployment field",
                        "Deployment/ingest-service",
                        "[{op: move, from: " + container + "/readinessProbe, path: " + container + "/readinesProbe}]",
                        schemas,
                        "unknown field .spec.template.spec.containers[0].readinesProbe"),
                broken(
                        "a string where Kubernetes wants a number",
                        "Service/search-service",
                        "[{op: replace, path: /spec/ports/0/port, value: http}]",
                        schemas,
                        "Service search-service: "),
                broken(
                        "a misspelt KafkaTopic field",
                        "KafkaTopic/newsflow.articles.raw",
                        "[{op: move, from: /spec/partitions, path: /spec/partition}]",
                        schemas,
                        "unknown field .spec.partition"),
                broken(
                        "a Kafka without listeners, which Strimzi requires",
                        "Kafka/newsflow",
                        "[{op: remove, path: /spec/kafka/listeners}]",
                        schemas,
                        "missing required field .spec.kafka.listeners"),
                broken(
                        "a topic without partitions",
                        "KafkaTopic/newsflow.articles.enriched",
                        "[{op: replace, path: /spec/partitions, value: 0}]",
                        schemas,
                        ".spec.partitions is 0, below 1"),
                broken(
                        "a node pool without a spec, which Strimzi's v1 requires",
                        "KafkaNodePool/dual-role",
                        "[{op: remove, path: /spec}]",
                        schemas,
                        "missing required field .spec"),
                broken(
                        "Strimzi's old API version",
                        "KafkaTopic/newsflow.ingest.feeds",
                        "[{op: replace, path: /apiVersion, value: kafka.strimzi.io/v1beta2}]",
                        schemas,
                        "the schema's is kafka.strimzi.io/v1"),
                broken(
                        "a number in KEDA's string-only trigger metadata",
                        "ScaledObject/enrich-service",
                        "[{op: replace, path: /spec/triggers/0/metadata/lagThreshold, value: 200}]",
                        schemas,
                        "ScaledObject enrich-service: "),
                broken(
                        "a misspelt ScaledObject field",
                        "ScaledObject/search-service",
                        "[{op: move, from: /spec/maxReplicaCount, path: /spec/maxReplicas}]",
                        schemas,
                        "ScaledObject search-service: "),
                broken(
                        "a misspelt field in ECK's pod template",
                        "Elasticsearch/newsflow",
                        "[{op: add, path: /spec/nodeSets/0/podTemplate/spec/container, value: []}]",
                        schemas,
                        "unknown field .spec.nodeSets[0].podTemplate.spec.container"),
                broken(
                        "a kind without a schema",
                        "ConfigMap/newsflow-kafka",
                        "[{op: replace, path: /kind, value: ConfigMapp}]",
                        schemas,
                        "no schema for kind 'ConfigMapp'"),
                broken(
                        "readiness on the whole health endpoint",
                        "Deployment/search-service",
                        "[{op: replace, path: " + container + "/readinessProbe/httpGet/path, value: /actuator/health}]",
                        probes,
                        "search-service: the readiness probe asks /actuator/health"),
                broken(
                        "liveness on a port nobody listens on",
                        "Deployment/enrich-service",
                        "[{op: replace, path: " + container + "/livenessProbe/httpGet/port, value: 8081}]",
                        probes,
                        "enrich-service: the liveness probe's port 8081 is not the service's port 8082"),
                broken(
                        "no readiness probe",
                        "Deployment/ingest-service",
                        "[{op: remove, path: " + container + "/readinessProbe}]",
                        probes,
                        "ingest-service: no HTTP readiness probe"),
                broken(
                        "a writable root file system",
                        "Deployment/ingest-service",
                        "[{op: replace, path: " + container + "/securityContext/readOnlyRootFilesystem, value: false}]",
                        security,
                        "ingest-service: the root file system is writable"),
                broken(
                        "capabilities kept",
                        "Deployment/search-service",
                        "[{op: remove, path: " + container + "/securityContext/capabilities}]",
                        security,
                        "search-service: capabilities are not all dropped"),
                broken(
                        "root",
                        "Deployment/enrich-service",
                        "[{op: replace, path: /spec/template/spec/securityContext/runAsUser, value: 0}]",
                        security,
                        "enrich-service: not runAsNonRoot with a numeric non-root runAsUser"),
                broken(
                        "/tmp on the read-only root file system",
                        "Deployment/enrich-service",
                        "[{op: remove, path: " + container + "/volumeMounts/0}]",
                        security,
                        "enrich-service: /tmp is not an emptyDir volume"),
                broken(
                        "no seccomp profile",
                        "Deployment/ingest-service",
                        "[{op: remove, path: /spec/template/spec/securityContext/seccompProfile}]",
                        security,
                        "ingest-service: no RuntimeDefault seccomp profile"),
                broken(
                        "less memory than compose gives the JVM",
                        "Deployment/search-service",
                        "[{op: replace, path: " + container + "/resources/limits/memory, value: 512Mi}]",
                        resources,
                        "search-service: memory limit 512Mi is below compose's 768M"),
                broken(
                        "a grace period shorter than the shutdown",
                        "Deployment/enrich-service",
                        "[{op: replace, path: /spec/template/spec/terminationGracePeriodSeconds, value: 12}]",
                        shutdown,
                        "enrich-service: terminationGracePeriodSeconds 12 is shorter"),
                broken(
                        "a PodDisruptionBudget for other labels",
                        "PodDisruptionBudget/ingest-service",
                        "[{op: replace, path: /spec/selector/matchLabels/app.kubernetes.io~1name, value: ingest}]",
                        budgets,
                        "ingest-service: 0 PodDisruptionBudgets select its pods"),
                broken(
                        "a PodDisruptionBudget that blocks every drain",
                        "PodDisruptionBudget/enrich-service",
                        "[{op: remove, path: /spec/maxUnavailable}, {op: add, path: /spec/minAvailable, value: 1}]",
                        budgets,
                        "enrich-service: its PodDisruptionBudget would block every eviction at 1 replica(s)"),
                broken(
                        "a Service for other labels",
                        "Service/search-service",
                        "[{op: replace, path: /spec/selector/app.kubernetes.io~1name, value: search}]",
                        services,
                        "search-service: no Service selects its pods"),
                broken(
                        "a Service to a port the container lacks",
                        "Service/ingest-service",
                        "[{op: replace, path: /spec/ports/0/targetPort, value: web}]",
                        services,
                        "ingest-service: Service ingest-service targets web"),
                broken(
                        "no spread over zones",
                        "Deployment/ingest-service",
                        "[{op: remove, path: /spec/template/spec/topologySpreadConstraints/0}]",
                        spread,
                        "ingest-service: its pods do not spread over nodes and zones"),
                broken(
                        "a misspelt environment variable",
                        "ConfigMap/enrich-service",
                        "[{op: move, from: /data/NEWSFLOW_ENRICH_CONCURRENCY, path: /data/NEWSFLOW_ENRICH_THREADS}]",
                        configuration,
                        "enrich-service: sets NEWSFLOW_ENRICH_THREADS, which docker-compose.yml does not give"),
                broken(
                        "a missing ConfigMap",
                        "Deployment/ingest-service",
                        "[{op: replace, path: " + container + "/envFrom/1/configMapRef/name, value: ingest}]",
                        configuration,
                        "ingest-service: no ConfigMap ingest"),
                broken(
                        "a Secret without the key",
                        "Secret/search-service-admin",
                        "[{op: move, from: /stringData/admin-token, path: /stringData/token}]",
                        configuration,
                        "search-service: Secret search-service-admin has no key admin-token"),
                broken(
                        "compose's Kafka address",
                        "ConfigMap/newsflow-kafka",
                        "[{op: replace, path: /data/SPRING_KAFKA_BOOTSTRAP_SERVERS, value: 'kafka:19092'}]",
                        backends,
                        "ingest-service: SPRING_KAFKA_BOOTSTRAP_SERVERS is kafka:19092"),
                broken(
                        "an Elasticsearch URL ECK serves over TLS",
                        "Elasticsearch/newsflow",
                        "[{op: remove, path: /spec/http}]",
                        backends,
                        "search-service: SPRING_ELASTICSEARCH_URIS is http://newsflow-es-http.newsflow.svc:9200"),
                broken(
                        "another Elasticsearch than the build's",
                        "Elasticsearch/newsflow",
                        "[{op: replace, path: /spec/version, value: 9.1.0}]",
                        backends,
                        "Elasticsearch newsflow runs 9.1.0"),
                broken(
                        "a topic without its KafkaTopic",
                        "KafkaTopic/newsflow.articles.ingest-state",
                        "[{op: replace, path: /metadata/name, value: newsflow.articles.state}]",
                        topics,
                        "ingest-service declares topic newsflow.articles.ingest-state, which has no KafkaTopic"),
                broken(
                        "a compacted topic that deletes",
                        "KafkaTopic/newsflow.articles.enriched",
                        "[{op: replace, path: /spec/config/cleanup.policy, value: delete}]",
                        topics,
                        "KafkaTopic newsflow.articles.enriched has cleanup.policy delete, enrich-service declares"
                                + " compact"),
                broken(
                        "a dead-letter topic with fewer partitions than its source",
                        "KafkaTopic/newsflow.articles.raw.dlt",
                        "[{op: replace, path: /spec/partitions, value: 6}]",
                        topics,
                        "KafkaTopic newsflow.articles.raw.dlt has 6 partitions, enrich-service declares 12"),
                broken(
                        "more replicas than brokers",
                        "KafkaTopic/newsflow.ingest.feeds",
                        "[{op: replace, path: /spec/replicas, value: 3}]",
                        topics,
                        "KafkaTopic newsflow.ingest.feeds wants 3 replicas on 1 brokers"),
                broken(
                        "as many in-sync replicas as replicas",
                        "KafkaTopic/newsflow.articles.raw",
                        "[{op: replace, path: /spec/config/min.insync.replicas, value: 2}]",
                        topics,
                        "KafkaTopic newsflow.articles.raw: min.insync.replicas 2 with 1 replicas"),
                broken(
                        "a topic no service declares",
                        "KafkaTopic/newsflow.articles.raw.dlt",
                        "[{op: replace, path: /metadata/name, value: newsflow.articles.raw.DLT}]",
                        topics,
                        "KafkaTopic newsflow.articles.raw.DLT is a topic no service declares"),
                broken(
                        "more enrich instances than partitions",
                        "ScaledObject/enrich-service",
                        "[{op: replace, path: /spec/maxReplicaCount, value: 13}]",
                        autoscaling,
                        "ScaledObject enrich-service allows 13 replicas of 1 consumer thread(s) on 12 partitions"),
                broken(
                        "more search threads than partitions",
                        "ScaledObject/search-service",
                        "[{op: replace, path: /spec/maxReplicaCount, value: 5}]",
                        autoscaling,
                        "ScaledObject search-service allows 5 replicas of 3 consumer thread(s) on 12 partitions"),
                broken(
                        "the enrich listener's id instead of the consumer group application.yaml names",
                        "ScaledObject/enrich-service",
                        "[{op: replace, path: /spec/triggers/0/metadata/consumerGroup, value: enrich}]",
                        autoscaling,
                        "ScaledObject enrich-service watches group enrich, enrich-service consumes as"
                                + " newsflow-enrich"),
                broken(
                        "a topic the service does not consume",
                        "ScaledObject/search-service",
                        "[{op: replace, path: /spec/triggers/0/metadata/topic, value: newsflow.articles.raw}]",
                        autoscaling,
                        "ScaledObject search-service watches topic newsflow.articles.raw, which search-service does"
                                + " not consume"),
                broken(
                        "replicas the Deployment and KEDA would fight over",
                        "Deployment/enrich-service",
                        "[{op: add, path: /spec/replicas, value: 2}]",
                        autoscaling,
                        "Deployment enrich-service sets replicas, which its ScaledObject owns"),
                broken(
                        "a Kafka scaler setting KEDA does not have",
                        "ScaledObject/enrich-service",
                        "[{op: add, path: /spec/triggers/0/metadata/lag, value: '10'}]",
                        autoscaling,
                        "ScaledObject enrich-service: the Kafka scaler has no lag"));
    }

    @ParameterizedTest
    @MethodSource("brokenManifests")
    void catches(String object, String patch, Function<ManifestChecks, List<String>> check, String problem) {
        var objects = KubernetesManifestsTest.render("overlays/local");
        var before = check.apply(new ManifestChecks(objects, KubernetesManifestsTest.SOURCES));

        var after = check.apply(new ManifestChecks(patched(objects, object, patch), KubernetesManifestsTest.SOURCES));

        assertThat(before).isEmpty();
        assertThat(after).anySatisfy(found -> assertThat(found).contains(problem));
    }

    @Test
    void refusesAKustomizationFeatureItDoesNotRender() throws IOException {
        var directory = Files.createTempDirectory("kustomization");
        Files.writeString(directory.resolve("kustomization.yaml"), "resources: []\ncommonLabels:\n  team: news\n");

        assertThatThrownBy(() -> Kustomize.build(directory))
                .isInstanceOf(Kustomize.InvalidKustomizationException.class)
                .hasMessageContaining("'commonLabels' is not supported");
    }

    private static Arguments broken(
            String mistake, String object, String patch, Function<ManifestChecks, List<String>> check, String problem) {
        return argumentSet(mistake, object, patch, check, problem);
    }

    private static List<ObjectNode> patched(List<ObjectNode> objects, String object, String patch) {
        var kind = object.substring(0, object.indexOf('/'));
        var name = object.substring(object.indexOf('/') + 1);
        var result = new ArrayList<ObjectNode>();
        var found = false;
        for (var candidate : objects) {
            if (kind.equals(candidate.path("kind").asText())
                    && name.equals(candidate.path("metadata").path("name").asText())) {
                result.add((ObjectNode) JsonPatch.apply(operations(patch), candidate));
                found = true;
            } else {
                result.add(candidate);
            }
        }
        assertThat(found).as("%s is in the rendered manifests", object).isTrue();
        return result;
    }

    private static JsonNode operations(String patch) {
        try {
            return Kustomize.YAML.readTree(patch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
