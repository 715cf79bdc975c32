package io.newsflow.deploy;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * The checks that matter to whoever operates Newsflow on Kubernetes, on one rendered kustomization. Each returns the
 * problems it found, one sentence each, so that a test can assert there are none and another that a broken manifest
 * is caught.
 */
final class ManifestChecks {

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";
    /** Spring Boot's default spring.lifecycle.timeout-per-shutdown-phase, when application.yaml sets none. */
    static final String DEFAULT_SHUTDOWN_PHASE = "30s";

    /** Graceful shutdown phases a service runs in turn: the web server, then the Kafka listener containers. */
    private static final int SHUTDOWN_PHASES = 2;
    /** Settings the services take beyond docker-compose.yml's: Boot's own, for ECK's authentication. */
    static final Set<String> EXTRA_ENVIRONMENT =
            Set.of("SPRING_ELASTICSEARCH_USERNAME", "SPRING_ELASTICSEARCH_PASSWORD");
    /** Secrets the base leaves to whoever deploys it (README, "Running on Kubernetes"). */
    static final Set<String> EXTERNAL_SECRETS = Set.of("search-service-admin");
    /** The trigger metadata KEDA's Kafka scaler reads (KEDA 2.18 documentation). */
    static final Set<String> KAFKA_SCALER_METADATA = Set.of(
            "bootstrapServers",
            "consumerGroup",
            "topic",
            "lagThreshold",
            "activationLagThreshold",
            "offsetResetPolicy",
            "allowIdleConsumers",
            "scaleToZeroOnInvalidOffset",
            "excludePersistentLag",
            "limitToPartitionsWithLag",
            "ensureEvenDistributionOfPartitions",
            "partitionLimitation",
            "version",
            "sasl",
            "tls",
            "unsafeSsl");

    private final List<ObjectNode> objects;
    private final ServiceSources sources;
    private final ManifestSchemas schemas = new ManifestSchemas();
    private final Map<String, List<Object>> typed = new HashMap<>();

    ManifestChecks(List<ObjectNode> objects, ServiceSources sources) {
        this.objects = objects;
        this.sources = sources;
    }

    List<String> schemaProblems() {
        return schemas.validate(objects);
    }

    /** Both probes on the actuator health groups, on the port the service listens on, with the groups enabled. */
    List<String> probes() {
        var problems = new ArrayList<String>();
        for (var service : ServiceSources.SERVICES) {
            withContainer(service, problems, (deployment, container) -> {
                var defaults = sources.defaults(service);
                if (!"true".equals(defaults.get("management.endpoint.health.probes.enabled"))) {
                    problems.add(service + ": application.yaml does not enable management.endpoint.health.probes");
                }
                var port = Integer.parseInt(effective(service, "management.server.port")
                        .orElseGet(() -> effective(service, "server.port").orElse("8080")));
                probe(service, "liveness", container.getLivenessProbe(), LIVENESS, port, container, problems);
                probe(service, "readiness", container.getReadinessProbe(), READINESS, port, container, problems);
                if (container.getStartupProbe() != null) {
                    probe(service, "startup", container.getStartupProbe(), LIVENESS, port, container, problems);
                }
            });
        }
        return problems;
    }

    private static void probe(
            String service,
            String name,
            Probe probe,
            String path,
            int port,
            Container container,
            List<String> problems) {
        if (probe == null || probe.getHttpGet() == null) {
            problems.add(service + ": no HTTP " + name + " probe");
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            problems.add(service + ": the " + name + " probe asks "
                    + probe.getHttpGet().getPath() + ", not " + path);
        }
        var probed = containerPort(container, probe.getHttpGet().getPort());
        if (probed.isEmpty() || probed.get() != port) {
            problems.add(service + ": the " + name + " probe's port "
                    + probe.getHttpGet().getPort().getValue() + " is not the service's port " + port);
        }
    }

    /** Non-root, read-only root file system with a writable /tmp, no privilege escalation, no capabilities, seccomp. */
    List<String> securityContexts() {
        var problems = new ArrayList<String>();
        for (var service : ServiceSources.SERVICES) {
            withContainer(service, problems, (deployment, container) -> {
                var pod = deployment.getSpec().getTemplate().getSpec();
                var podContext = Optional.ofNullable(pod.getSecurityContext());
                var context = Optional.ofNullable(container.getSecurityContext());
                var nonRoot = context.map(c -> c.getRunAsNonRoot())
                        .or(() -> podContext.map(c -> c.getRunAsNonRoot()))
                        .orElse(false);
                var user = context.map(c -> c.getRunAsUser())
                        .or(() -> podContext.map(c -> c.getRunAsUser()))
                        .orElse(0L);
                if (!nonRoot || user == 0L) {
                    // The image's user is a name, which the kubelet cannot check against runAsNonRoot by itself.
                    problems.add(service + ": not runAsNonRoot with a numeric non-root runAsUser");
                }
                var seccomp = context.map(c -> c.getSeccompProfile())
                        .or(() -> podContext.map(c -> c.getSeccompProfile()))
                        .map(profile -> profile.getType());
                if (!seccomp.equals(Optional.of("RuntimeDefault"))) {
                    problems.add(service + ": no RuntimeDefault seccomp profile");
                }
                if (!context.map(c -> c.getReadOnlyRootFilesystem()).orElse(false)) {
                    problems.add(service + ": the root file system is writable");
                }
                if (context.map(c -> c.getAllowPrivilegeEscalation()).orElse(true)) {
                    problems.add(service + ": privilege escalation is allowed");
                }
                var capabilities = context.map(c -> c.getCapabilities());
                if (!capabilities.map(c -> c.getDrop()).orElse(List.of()).contains("ALL")
                        || !capabilities.map(c -> c.getAdd()).orElse(List.of()).isEmpty()) {
                    problems.add(service + ": capabilities are not all dropped");
                }
                var tmp = container.getVolumeMounts().stream()
                        .filter(mount -> "/tmp".equals(mount.getMountPath()))
                        .findFirst();
                var tmpIsEmptyDir = tmp.flatMap(mount -> pod.getVolumes().stream()
                                .filter(volume -> volume.getName().equals(mount.getName()))
                                .findFirst())
                        .map(volume -> volume.getEmptyDir() != null)
                        .orElse(false);
                if (!tmpIsEmptyDir) {
                    problems.add(service + ": /tmp is not an emptyDir volume");
                }
            });
        }
        return problems;
    }

    /** Requests, and a memory limit equal to the request and at least what compose gives the JVM. */
    List<String> resources() {
        var problems = new ArrayList<String>();
        for (var service : ServiceSources.SERVICES) {
            withContainer(service, problems, (deployment, container) -> {
                var resources = container.getResources();
                var requests = resources == null ? Map.<String, Quantity>of() : resources.getRequests();
                var limits = resources == null ? Map.<String, Quantity>of() : resources.getLimits();
                if (!requests.containsKey("cpu") || !requests.containsKey("memory")) {
                    problems.add(service + ": no CPU and memory requests");
                }
                if (!limits.containsKey("memory")) {
                    problems.add(service + ": no memory limit, which the JVM sizes its heap from");
                    return;
                }
                var limit = limits.get("memory").getNumericalAmount();
                if (requests.containsKey("memory")
                        && requests.get("memory").getNumericalAmount().compareTo(limit) != 0) {
                    problems.add(service + ": the memory request differs from the limit");
                }
                // compose's "768M" is mebibytes, as Docker counts
                var compose = DataSize.parse(sources.composeMemoryLimit(service).replace("M", "MB"));
                if (limit.longValue() < compose.toBytes()) {
                    problems.add(service + ": memory limit " + limits.get("memory") + " is below compose's "
                            + sources.composeMemoryLimit(service));
                }
            });
        }
        return problems;
    }

    /**
     * The grace period covers the preStop pause and two of Spring's graceful shutdown phases, since they run one after
     * the other and each may take its whole timeout: the web server's, then the Kafka listener containers'.
     */
    List<String> gracefulShutdown() {
        var problems = new ArrayList<String>();
        for (var service : ServiceSources.SERVICES) {
            withContainer(service, problems, (deployment, container) -> {
                var phase = DurationStyle.detectAndParse(
                                effective(service, "spring.lifecycle.timeout-per-shutdown-phase")
                                        .orElse(DEFAULT_SHUTDOWN_PHASE))
                        .toSeconds();
                var preStop = Optional.ofNullable(container.getLifecycle())
                        .map(lifecycle -> lifecycle.getPreStop())
                        .map(handler -> handler.getSleep())
                        .map(sleep -> sleep.getSeconds())
                        .orElse(0L);
                var grace = Optional.ofNullable(
                                deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                        .orElse(30L);
                if (grace < preStop + SHUTDOWN_PHASES * phase) {
                    problems.add(service + ": terminationGracePeriodSeconds " + grace + " is shorter than the preStop "
                            + preStop + " s and " + SHUTDOWN_PHASES + " shutdown phases of " + phase + " s");
                }
            });
        }
        return problems;
    }

    /** A PodDisruptionBudget selects the service's pods and no others, and lets one pod go at the least. */
    List<String> disruptionBudgets() {
        var problems = new ArrayList<String>();
        var budgets = all("PodDisruptionBudget", PodDisruptionBudget.class);
        for (var service : ServiceSources.SERVICES) {
            withContainer(service, problems, (deployment, container) -> {
                var labels = podLabels(deployment);
                var matching = budgets.stream()
                        .filter(budget -> selects(budget.getSpec().getSelector(), labels))
                        .toList();
                if (matching.size() != 1) {
                    problems.add(service + ": " + matching.size() + " PodDisruptionBudgets select its pods");
                    return;
                }
                var budget = matching.getFirst();
                var others = deployments().values().stream()
                        .filter(other -> !other.getMetadata().getName().equals(service))
                        .filter(other -> selects(budget.getSpec().getSelector(), podLabels(other)))
                        .toList();
                if (!others.isEmpty()) {
                    problems.add(service + ": its PodDisruptionBudget also selects other pods");
                }
                var minAvailable = budget.getSpec().getMinAvailable();
                var maxUnavailable = budget.getSpec().getMaxUnavailable();
                var blocks = maxUnavailable != null
                        ? maxUnavailable.getIntVal() != null && maxUnavailable.getIntVal() < 1
                        : minAvailable == null
                                || minAvailable.getIntVal() == null
                                || minAvailable.getIntVal() >= minimumReplicas(deployment);
                if (blocks) {
                    problems.add(service + ": its PodDisruptionBudget would block every eviction at "
                            + minimumReplicas(deployment) + " replica(s)");
                }
            });
        }
        return problems;
    }

    /** A Service selects the pods and sends its named port to the container's port. */
    List<String> services() {
        var problems = new ArrayList<String>();
        var services = all("Service", Service.class);
        for (var service : ServiceSources.SERVICES) {
            withContainer(service, problems, (deployment, container) -> {
                var labels = podLabels(deployment);
                var matching = services.stream()
                        .filter(candidate -> candidate.getSpec().getSelector() != null
                                && !candidate.getSpec().getSelector().isEmpty()
                                && labels.entrySet()
                                        .containsAll(candidate
                                                .getSpec()
                                                .getSelector()
                                                .entrySet()))
                        .toList();
                if (matching.isEmpty()) {
                    problems.add(service + ": no Service selects its pods");
                }
                for (var candidate : matching) {
                    for (var port : candidate.getSpec().getPorts()) {
                        if (containerPort(container, port.getTargetPort()).isEmpty()) {
                            problems.add(service + ": Service "
                                    + candidate.getMetadata().getName() + " targets "
                                    + port.getTargetPort().getValue() + ", which the container does not expose");
                        }
                    }
                }
            });
        }
        return problems;
    }

    /** Replicas spread over nodes and zones by constraints that select the service's own pods. */
    List<String> topologySpread() {
        var problems = new ArrayList<String>();
        for (var service : ServiceSources.SERVICES) {
            withContainer(service, problems, (deployment, container) -> {
                var labels = podLabels(deployment);
                var keys = deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().stream()
                        .filter(constraint -> selects(constraint.getLabelSelector(), labels))
                        .map(constraint -> constraint.getTopologyKey())
                        .collect(Collectors.toSet());
                if (!keys.containsAll(Set.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"))) {
                    problems.add(service + ": its pods do not spread over nodes and zones (" + keys + ")");
                }
            });
        }
        return problems;
    }

    /** Every ConfigMap and Secret a pod names exists with its keys; every variable is one the service takes. */
    List<String> configuration() {
        var problems = new ArrayList<String>();
        var configMaps = byName(
                all("ConfigMap", ConfigMap.class), map -> map.getMetadata().getName());
        var secrets = byName(
                all("Secret", Secret.class), secret -> secret.getMetadata().getName());
        var operatorSecrets = elasticsearches().stream()
                .map(es -> es.metadata().getName() + "-es-elastic-user")
                .collect(Collectors.toSet());
        for (var service : ServiceSources.SERVICES) {
            withContainer(service, problems, (deployment, container) -> {
                var names = new ArrayList<String>();
                for (var source : container.getEnvFrom()) {
                    if (source.getConfigMapRef() != null) {
                        var map = configMaps.get(source.getConfigMapRef().getName());
                        if (map == null) {
                            problems.add(service + ": no ConfigMap "
                                    + source.getConfigMapRef().getName());
                        } else {
                            names.addAll(map.getData().keySet());
                        }
                    }
                    if (source.getSecretRef() != null) {
                        problems.add(service + ": takes a whole Secret; name each variable instead");
                    }
                }
                for (var variable : container.getEnv()) {
                    names.add(variable.getName());
                    var from = variable.getValueFrom();
                    if (from != null && from.getSecretKeyRef() != null) {
                        var ref = from.getSecretKeyRef();
                        var secret = secrets.get(ref.getName());
                        var external =
                                EXTERNAL_SECRETS.contains(ref.getName()) || operatorSecrets.contains(ref.getName());
                        if (secret == null && !external) {
                            problems.add(service + ": no Secret " + ref.getName());
                        } else if (secret != null && !secretKeys(secret).contains(ref.getKey())) {
                            problems.add(service + ": Secret " + ref.getName() + " has no key " + ref.getKey());
                        }
                    }
                    if (from != null && from.getConfigMapKeyRef() != null) {
                        var map = configMaps.get(from.getConfigMapKeyRef().getName());
                        if (map == null
                                || !map.getData()
                                        .containsKey(from.getConfigMapKeyRef().getKey())) {
                            problems.add(service + ": no ConfigMap key "
                                    + from.getConfigMapKeyRef().getName() + "/"
                                    + from.getConfigMapKeyRef().getKey());
                        }
                    }
                }
                var known = sources.composeEnvironment(service).keySet();
                names.stream()
                        .filter(name -> !known.contains(name) && !EXTRA_ENVIRONMENT.contains(name))
                        .forEach(name -> problems.add(
                                service + ": sets " + name + ", which docker-compose.yml does not give this service"));
                names.stream()
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                        .forEach((name, count) -> {
                            if (count > 1) {
                                problems.add(service + ": " + name + " is set " + count + " times");
                            }
                        });
            });
        }
        return problems;
    }

    /** The services reach Kafka and Elasticsearch through the Services the operators create for them. */
    List<String> backends() {
        var problems = new ArrayList<String>();
        var bootstrap = kafkaBootstrap();
        var elasticsearch = elasticsearchUri();
        for (var service : ServiceSources.SERVICES) {
            withContainer(service, problems, (deployment, container) -> {
                var servers =
                        effective(service, "spring.kafka.bootstrap-servers").orElse("");
                if (!bootstrap.contains(servers)) {
                    problems.add(
                            service + ": SPRING_KAFKA_BOOTSTRAP_SERVERS is " + servers + ", not one of " + bootstrap);
                }
                if (sources.composeEnvironment(service).containsKey("SPRING_ELASTICSEARCH_URIS")) {
                    var uris = effective(service, "spring.elasticsearch.uris").orElse("");
                    if (!elasticsearch.contains(uris)) {
                        problems.add(
                                service + ": SPRING_ELASTICSEARCH_URIS is " + uris + ", not one of " + elasticsearch);
                    }
                    if (effective(service, "spring.elasticsearch.password").isEmpty()) {
                        problems.add(service + ": no SPRING_ELASTICSEARCH_PASSWORD for ECK's authentication");
                    }
                }
            });
        }
        for (var es : elasticsearches()) {
            if (!sources.elasticsearchVersion().equals(es.spec().version())) {
                problems.add("Elasticsearch " + es.metadata().getName() + " runs "
                        + es.spec().version() + ", the build and compose " + sources.elasticsearchVersion());
            }
        }
        return problems;
    }

    /** Every topic the services' code declares has a KafkaTopic with the settings the code gives it. */
    List<String> topics() {
        var problems = new ArrayList<String>();
        var topics = byName(all("KafkaTopic", KafkaTopic.class), ManifestChecks::topicName);
        var brokers = brokers();
        var expected = new LinkedHashMap<String, String>();
        for (var service : ServiceSources.SERVICES) {
            var partitions = effective(service, "newsflow.topics.partitions").map(Integer::valueOf);
            var replicas =
                    effective(service, "newsflow.topics.replication-factor").map(Integer::valueOf);
            for (var declared : sources.declaredTopics(service)) {
                var name = effective(service, declared.property()).orElse(declared.property())
                        + (declared.deadLetter() ? sources.deadLetterSuffix() : "");
                expected.put(name, service);
                var topic = topics.get(name);
                if (topic == null) {
                    problems.add(service + " declares topic " + name + ", which has no KafkaTopic");
                    continue;
                }
                var spec = topic.getSpec();
                if (partitions.isPresent() && !partitions.get().equals(spec.getPartitions())) {
                    problems.add("KafkaTopic " + name + " has " + spec.getPartitions() + " partitions, " + service
                            + " declares " + partitions.get());
                }
                if (replicas.isPresent() && !replicas.get().equals(spec.getReplicas())) {
                    problems.add("KafkaTopic " + name + " has " + spec.getReplicas() + " replicas, " + service
                            + " declares " + replicas.get());
                }
                var config = Optional.ofNullable(spec.getConfig()).orElse(Map.of());
                var policy = String.valueOf(config.getOrDefault("cleanup.policy", "delete"));
                if (!policy.equals(declared.compacted() ? "compact" : "delete")) {
                    problems.add("KafkaTopic " + name + " has cleanup.policy " + policy + ", " + service + " declares "
                            + (declared.compacted() ? "compact" : "delete"));
                }
                var minInSync = Integer.parseInt(String.valueOf(config.getOrDefault("min.insync.replicas", "1")));
                var topicReplicas = Optional.ofNullable(spec.getReplicas()).orElse(1);
                if (minInSync < 1 || minInSync > topicReplicas || topicReplicas > 1 && minInSync == topicReplicas) {
                    problems.add("KafkaTopic " + name + ": min.insync.replicas " + minInSync + " with " + topicReplicas
                            + " replicas either refuses every write or cannot lose a broker");
                }
                if (topicReplicas > brokers) {
                    problems.add(
                            "KafkaTopic " + name + " wants " + topicReplicas + " replicas on " + brokers + " brokers");
                }
                var cluster = topic.getMetadata().getLabels() == null
                        ? null
                        : topic.getMetadata().getLabels().get("strimzi.io/cluster");
                if (all("Kafka", Kafka.class).stream()
                        .noneMatch(kafka -> kafka.getMetadata().getName().equals(cluster))) {
                    problems.add("KafkaTopic " + name + " names no Kafka cluster of these manifests: " + cluster);
                }
            }
        }
        topics.keySet().stream()
                .filter(name -> !expected.containsKey(name))
                .forEach(name -> problems.add("KafkaTopic " + name + " is a topic no service declares"));
        return problems;
    }

    /** A ScaledObject scales a service on the lag of the group and topic its listener uses, within the partitions. */
    List<String> autoscaling() {
        var problems = new ArrayList<String>();
        var topics = byName(all("KafkaTopic", KafkaTopic.class), ManifestChecks::topicName);
        var bootstrap = kafkaBootstrap();
        var deployments = deployments();
        for (var scaled : scaledObjects()) {
            var name = scaled.metadata().getName();
            var target = scaled.spec().scaleTargetRef();
            var deployment = deployments.get(target.name());
            if (deployment == null || target.kind() != null && !"Deployment".equals(target.kind())) {
                problems.add("ScaledObject " + name + " scales no Deployment of these manifests");
                continue;
            }
            if (deployment.getSpec().getReplicas() != null) {
                problems.add("Deployment " + target.name() + " sets replicas, which its ScaledObject owns");
            }
            var service = target.name();
            var listeners = ServiceSources.SERVICES.contains(service) ? sources.listeners(service) : List.of();
            for (var trigger : scaled.spec().triggers()) {
                if (!"kafka".equals(trigger.type())) {
                    problems.add("ScaledObject " + name + " has a " + trigger.type() + " trigger, not kafka");
                    continue;
                }
                var metadata = trigger.metadata();
                metadata.keySet().stream()
                        .filter(key -> !KAFKA_SCALER_METADATA.contains(key))
                        .forEach(key -> problems.add("ScaledObject " + name + ": the Kafka scaler has no " + key));
                if (!bootstrap.contains(metadata.get("bootstrapServers"))) {
                    problems.add("ScaledObject " + name + " reads lag from " + metadata.get("bootstrapServers")
                            + ", not from " + bootstrap);
                }
                var listener = listeners.stream()
                        .map(ServiceSources.Listener.class::cast)
                        .filter(candidate -> effective(service, candidate.topicProperty())
                                .equals(Optional.ofNullable(metadata.get("topic"))))
                        .findFirst();
                if (listener.isEmpty()) {
                    problems.add("ScaledObject " + name + " watches topic " + metadata.get("topic") + ", which "
                            + service + " does not consume");
                    continue;
                }
                if (!listener.get().group().equals(metadata.get("consumerGroup"))) {
                    problems.add("ScaledObject " + name + " watches group " + metadata.get("consumerGroup") + ", "
                            + service + " consumes as " + listener.get().group());
                }
                var threads = Integer.parseInt(
                        effective(service, listener.get().concurrencyProperty()).orElse("1"));
                var topic = topics.get(metadata.get("topic"));
                var partitions = topic == null ? 0 : topic.getSpec().getPartitions();
                var max = Optional.ofNullable(scaled.spec().maxReplicaCount()).orElse(100);
                if (max * threads > partitions) {
                    problems.add("ScaledObject " + name + " allows " + max + " replicas of " + threads
                            + " consumer thread(s) on " + partitions + " partitions of " + metadata.get("topic"));
                }
            }
        }
        return problems;
    }

    // --- what the rendered manifests hold

    /** The value of a service's property: its environment variable in the pod, else its application.yaml default. */
    private Optional<String> effective(String service, String property) {
        var environment =
                deployments().containsKey(service) ? environment(deployments().get(service)) : Map.<String, String>of();
        return ServiceSources.environmentVariables(property).stream()
                .filter(environment::containsKey)
                .map(environment::get)
                .findFirst()
                .or(() -> Optional.ofNullable(sources.defaults(service).get(property)));
    }

    private Map<String, String> environment(Deployment deployment) {
        var configMaps = byName(
                all("ConfigMap", ConfigMap.class), map -> map.getMetadata().getName());
        var environment = new LinkedHashMap<String, String>();
        var container =
                deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        for (var source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null
                    && configMaps.containsKey(source.getConfigMapRef().getName())) {
                environment.putAll(
                        configMaps.get(source.getConfigMapRef().getName()).getData());
            }
        }
        for (var variable : container.getEnv()) {
            environment.put(
                    variable.getName(),
                    variable.getValue() != null ? variable.getValue() : "(from " + variable.getValueFrom() + ")");
        }
        return environment;
    }

    private Set<String> kafkaBootstrap() {
        var addresses = new HashSet<String>();
        for (var kafka : all("Kafka", Kafka.class)) {
            for (var listener : kafka.getSpec().getKafka().getListeners()) {
                if (!listener.isTls() && listener.getAuth() == null) {
                    addresses.add(kafka.getMetadata().getName() + "-kafka-bootstrap."
                            + kafka.getMetadata().getNamespace() + ".svc:" + listener.getPort());
                }
            }
        }
        return addresses;
    }

    private Set<String> elasticsearchUri() {
        var uris = new HashSet<String>();
        for (var es : elasticsearches()) {
            var plain = Optional.ofNullable(es.spec().http())
                    .map(http -> http.tls())
                    .map(tls -> tls.selfSignedCertificate())
                    .map(selfSigned -> selfSigned.disabled())
                    .orElse(false);
            uris.add((plain ? "http" : "https") + "://" + es.metadata().getName() + "-es-http."
                    + es.metadata().getNamespace() + ".svc:9200");
        }
        return uris;
    }

    private int brokers() {
        return all("KafkaNodePool", KafkaNodePool.class).stream()
                .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(pool -> pool.getSpec().getReplicas())
                .sum();
    }

    private int minimumReplicas(Deployment deployment) {
        return scaledObjects().stream()
                .filter(scaled -> scaled.spec()
                        .scaleTargetRef()
                        .name()
                        .equals(deployment.getMetadata().getName()))
                .map(scaled ->
                        Optional.ofNullable(scaled.spec().minReplicaCount()).orElse(0))
                .findFirst()
                .orElseGet(() ->
                        Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1));
    }

    private void withContainer(String service, List<String> problems, BiConsumer<Deployment, Container> check) {
        var deployment = deployments().get(service);
        if (deployment == null) {
            problems.add(service + ": no Deployment");
            return;
        }
        var containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        var container = containers.stream()
                .filter(candidate -> candidate.getName().equals(service))
                .findFirst();
        if (container.isEmpty()) {
            problems.add(service + ": no container named " + service);
            return;
        }
        check.accept(deployment, container.get());
    }

    private static Optional<Integer> containerPort(Container container, IntOrString port) {
        if (port == null) {
            return Optional.empty();
        }
        return container.getPorts().stream()
                .filter(candidate -> port.getIntVal() != null
                        ? port.getIntVal().equals(candidate.getContainerPort())
                        : Objects.equals(port.getStrVal(), candidate.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst();
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        return Optional.ofNullable(
                        deployment.getSpec().getTemplate().getMetadata().getLabels())
                .orElse(Map.of());
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null
                || selector.getMatchLabels().isEmpty()
                        && selector.getMatchExpressions().isEmpty()) {
            return false;
        }
        if (!selector.getMatchExpressions().isEmpty()) {
            throw new IllegalArgumentException("matchExpressions are not evaluated here: " + selector);
        }
        return labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    private static Set<String> secretKeys(Secret secret) {
        var keys = new HashSet<String>();
        keys.addAll(secret.getData().keySet());
        keys.addAll(secret.getStringData().keySet());
        return keys;
    }

    private static String topicName(KafkaTopic topic) {
        return Optional.ofNullable(topic.getSpec().getTopicName())
                .orElse(topic.getMetadata().getName());
    }

    private Map<String, Deployment> deployments() {
        return byName(
                all("Deployment", Deployment.class),
                deployment -> deployment.getMetadata().getName());
    }

    private List<CustomResource<KedaScaledObject.Spec>> scaledObjects() {
        return all("ScaledObject", ManifestSchemas.customResource(KedaScaledObject.Spec.class));
    }

    private List<CustomResource<EckElasticsearch.Spec>> elasticsearches() {
        return all("Elasticsearch", ManifestSchemas.customResource(EckElasticsearch.Spec.class));
    }

    private <T> List<T> all(String kind, Class<T> type) {
        return all(kind, TypeFactory.defaultInstance().constructType(type));
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> all(String kind, JavaType type) {
        // read once per kind: every check asks for the same objects many times
        return (List<T>) typed.computeIfAbsent(kind, key -> objects.stream()
                .filter(object -> key.equals(object.path("kind").asText()))
                .map(object -> (Object) schemas.read(object, type))
                .toList());
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        var map = new LinkedHashMap<String, T>();
        items.forEach(item -> map.put(name.apply(item), item));
        return map;
    }
}
