package io.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.w3c.dom.Element;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Checks docker-compose.yml against the services' own configuration, since no Docker engine can run it here: every
 * service and dependency is there, and ports, topics and environment variables match the application.yaml files.
 */
class ComposeFileTest {

    private static final String JWT_ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    private static final Path ROOT =
            Path.of(System.getProperty("newsflow.root", "..")).toAbsolutePath().normalize();

    private static final List<String> INFRASTRUCTURE = List.of("kafka", "elasticsearch");

    private static Map<String, Object> compose;

    @BeforeAll
    static void readComposeFile() throws IOException {
        compose = yaml(ROOT.resolve("docker-compose.yml"));
    }

    @Test
    void declaresTheInfrastructureTheServicesAndTheSamples() {
        assertThat(services())
                .containsKeys(
                        "kafka", "elasticsearch", "ingest-service", "enrich-service", "search-service", "samples");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kafka", "elasticsearch", "ingest-service", "enrich-service", "search-service"})
    void everyLongRunningServiceHasAHealthcheckAndAMemoryLimit(String name) {
        Map<String, Object> service = service(name);

        assertThat(map(service.get("healthcheck"))).as("%s healthcheck", name).containsKey("test");
        assertThat(memoryLimit(service)).as("%s memory limit", name).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "search-service"})
    void applicationServicesStartOnlyOnceTheirInfrastructureIsHealthy(String name) {
        List<String> needed = name.equals("search-service") ? INFRASTRUCTURE : List.of("kafka");

        assertThat(healthyDependencies(name)).as("%s depends_on", name).containsAll(needed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "search-service"})
    void publishesTheServerPortOfTheApplicationYaml(String name) {
        String port = applicationProperty(name, "server.port");

        assertThat(portMappings(service(name))).as("%s ports", name).containsExactly(new PortMapping(port, port));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "search-service"})
    void healthcheckAsksForReadinessOnTheServerPort(String name) {
        String port = applicationProperty(name, "server.port");

        assertThat(String.join(" ", healthcheckCommand(service(name))))
                .contains("http://localhost:" + port + "/actuator/health/readiness");
        assertThat(applicationProperty(name, "management.endpoint.health.probes.enabled"))
                .as("the readiness group of %s only exists with the probes enabled", name)
                .isEqualTo("true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "search-service"})
    void everyEnvironmentVariableBindsOntoAPropertyOfTheApplicationYaml(String name) {
        var properties = new ArrayList<>(applicationYaml(name).keySet());
        // Spring Boot's own, unset by default: an empty issuer in application.yaml would be checked against tokens
        properties.add(JWT_ISSUER);

        assertThat(environment(name).keySet())
                .filteredOn(env -> env.startsWith("NEWSFLOW_") || env.startsWith("SPRING_"))
                .isNotEmpty()
                .allSatisfy(env -> assertThat(propertyBoundBy(env, properties))
                        .as("property of %s/application.yaml (or the JWT issuer) that %s binds onto", name, env)
                        .isPresent());
    }

    @Test
    void bothServicesAndTheDashboardTakeTheOidcIssuerFromOneVariable() {
        var issuer = "${NEWSFLOW_OIDC_ISSUER:-}";
        var tokens = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI";

        assertThat(environment("ingest-service")).containsEntry(tokens, issuer);
        assertThat(environment("search-service"))
                .containsEntry(tokens, issuer)
                .containsEntry("NEWSFLOW_SEARCH_DASHBOARD_OIDCISSUER", issuer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "search-service"})
    void makesEveryNewsflowPropertyOfTheServiceExplicit(String name) {
        Map<String, String> bound = boundProperties(name);

        assertThat(applicationYaml(name).keySet())
                .filteredOn(property -> property.startsWith("newsflow."))
                .isNotEmpty()
                .allSatisfy(property -> assertThat(bound)
                        .as("compose environment of %s sets %s", name, property)
                        .containsKey(property));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "search-service"})
    void topicsAndTheIndexAliasEqualThoseOfTheApplicationYaml(String name) {
        Map<String, String> yaml = applicationYaml(name);
        Map<String, String> shared = boundProperties(name).entrySet().stream()
                .filter(e ->
                        e.getKey().startsWith("newsflow.topics.") || e.getKey().endsWith(".index.alias"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(shared).as("topics of %s", name).isNotEmpty();
        shared.forEach((property, value) -> assertThat(value)
                .as("%s in compose vs %s/application.yaml", property, name)
                .isEqualTo(yaml.get(property)));
    }

    @Test
    void servicesAgreeOnTheTopicsTheyShare() {
        Map<String, Map<String, String>> valuesByTopicProperty = new TreeMap<>();
        for (String name : applicationServices()) {
            boundProperties(name).forEach((property, value) -> {
                if (property.startsWith("newsflow.topics.")) {
                    valuesByTopicProperty
                            .computeIfAbsent(property, p -> new TreeMap<>())
                            .put(name, value);
                }
            });
        }

        // Ingest publishes what enrich reads, enrich publishes what search reads.
        assertThat(valuesByTopicProperty.get("newsflow.topics.raw"))
                .containsOnlyKeys("ingest-service", "enrich-service");
        assertThat(valuesByTopicProperty.get("newsflow.topics.enriched"))
                .containsOnlyKeys("enrich-service", "search-service");
        valuesByTopicProperty.forEach(
                (property, values) -> assertThat(values.values().stream().distinct())
                        .as("%s across %s", property, values)
                        .hasSize(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "search-service"})
    void servicesReachKafkaThroughAnAdvertisedListenerOnTheComposeNetwork(String name) {
        String bootstrap = environment(name).get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        String advertised = environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");

        assertThat(bootstrap).startsWith("kafka:");
        assertThat(advertised.split(","))
                .anySatisfy(listener -> assertThat(listener).endsWith("://" + bootstrap));
    }

    @Test
    void searchReachesElasticsearchOnItsContainerPort() {
        URI uri = URI.create(environment("search-service").get("SPRING_ELASTICSEARCH_URIS"));

        assertThat(uri.getHost()).isEqualTo("elasticsearch");
        assertThat(portMappings(service("elasticsearch")))
                .extracting(PortMapping::target)
                .contains(String.valueOf(uri.getPort()));
    }

    @Test
    void kafkaImageIsTheKafkaVersionSpringBootManages() {
        // kafka-clients comes in the version Spring Boot manages, the one the stand-in broker is built from too.
        assertThat(service("kafka").get("image")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
    }

    @ParameterizedTest
    @CsvSource({
        "kafka, NEWSFLOW_KAFKA_PORT, 9092",
        "elasticsearch, NEWSFLOW_ELASTICSEARCH_PORT, 9200",
        "ingest-service, NEWSFLOW_INGEST_PORT, 8081",
        "enrich-service, NEWSFLOW_ENRICH_PORT, 8082",
        "search-service, NEWSFLOW_SEARCH_PORT, 8083"
    })
    void hostPortCanBeMovedByTheVariableOfNewsflowUpAndDefaultsToTheUsualOne(
            String name, String variable, String port) {
        assertThat(strings(service(name).get("ports"))).singleElement().satisfies(mapping -> assertThat(mapping)
                .contains("${" + variable + ":-" + port + "}:"));
        assertThat(portMappings(service(name)))
                .extracting(PortMapping::published)
                .containsExactly(port);
    }

    @Test
    void theScaleOverlayTakesOnlyThePublishedPortsOffTheServicesItScales() throws IOException {
        Map<String, Object> overlay = map(
                yamlWithComposeTags(ROOT.resolve("docker-compose.scale.yml")).get("services"));

        // compose's --scale cannot start a second container on a host port the first one holds
        assertThat(overlay).containsOnlyKeys("enrich-service", "search-service");
        overlay.forEach((name, service) -> {
            assertThat(map(service)).as("%s in the overlay", name).containsOnlyKeys("ports");
            assertThat(list(map(service).get("ports"))).as("%s ports", name).isEmpty();
            assertThat(portMappings(service(name)))
                    .as("%s ports in docker-compose.yml", name)
                    .isNotEmpty();
        });
    }

    @Test
    void theBrokersOverlayMakesThreeNodesOneQuorumWithTwoInSyncReplicas() throws IOException {
        Map<String, Object> overlay = yamlWithComposeTags(ROOT.resolve("docker-compose.brokers.yml"));
        Map<String, Object> services = map(overlay.get("services"));
        var nodes = List.of("kafka", "kafka-2", "kafka-3");
        assertThat(services)
                .containsOnlyKeys(Stream.concat(nodes.stream(), applicationServices().stream())
                        .toList());

        for (int n = 1; n <= nodes.size(); n++) {
            var name = nodes.get(n - 1);
            var node = map(services.get(name));
            var env = map(node.get("environment"));
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
                    .as("%s voters", name)
                    .hasToString("1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093");
            assertThat(env)
                    .as("%s replication", name)
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", 3)
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2)
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 3)
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", 2);
            if (n == 1) {
                // node 1 is docker-compose.yml's single broker, its id, listeners and volume kept
                assertThat(environment("kafka")).containsEntry("KAFKA_NODE_ID", "1");
                continue;
            }
            assertThat(map(node.get("extends")))
                    .containsEntry("file", "docker-compose.yml")
                    .containsEntry("service", "kafka");
            assertThat(node).containsEntry("hostname", name);
            assertThat(env).containsEntry("KAFKA_NODE_ID", n);
            // each node advertises itself: a client sent to another node's address would write to the wrong leader
            assertThat(String.valueOf(env.get("KAFKA_ADVERTISED_LISTENERS")))
                    .startsWith("INTERNAL://" + name + ":19092,")
                    .contains("${NEWSFLOW_KAFKA" + n + "_PORT:-" + (9092 + 2 * (n - 1)) + "}");
            var published = "${NEWSFLOW_KAFKA" + n + "_PORT:-" + (9092 + 2 * (n - 1)) + "}:9092";
            assertThat(strings(node.get("ports"))).singleElement().satisfies(mapping -> assertThat(mapping)
                    .contains(published));
            assertThat(strings(node.get("volumes"))).containsExactly(name + "-data:/var/lib/kafka/data");
            assertThat(map(overlay.get("volumes"))).containsKey(name + "-data");
            assertThat(String.join(" ", healthcheckCommand(node))).contains("--bootstrap-server " + name + ":19092");
        }

        for (var name : applicationServices()) {
            var service = map(services.get(name));
            var env = map(service.get("environment"));
            assertThat(env)
                    .as("%s in the overlay", name)
                    .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:19092,kafka-2:19092,kafka-3:19092")
                    .containsEntry("NEWSFLOW_TOPICS_REPLICATIONFACTOR", "3");
            // the overlay only changes what docker-compose.yml sets, so the binding checks above cover it
            assertThat(environment(name)).containsKeys(env.keySet().toArray(String[]::new));
            assertThat(map(service.get("depends_on"))).containsOnlyKeys("kafka-2", "kafka-3");
        }
    }

    @Test
    void topicsHaveAPartitionForEveryConsumerOfTheInstancesAUserWouldRun() {
        int partitions = Integer.parseInt(environment("enrich-service").get("NEWSFLOW_TOPICS_PARTITIONS"));
        int searchConsumers =
                Integer.parseInt(environment("search-service").get("NEWSFLOW_SEARCH_INDEXING_CONCURRENCY"));

        // four search instances keep every consumer thread busy; 1, 2, 3, 4 or 6 instances get equal shares
        assertThat(partitions).isGreaterThanOrEqualTo(4 * searchConsumers);
        assertThat(List.of(1, 2, 3, 4, 6)).allSatisfy(instances -> assertThat(partitions % instances)
                .as("%d partitions over %d instances", partitions, instances)
                .isZero());
    }

    @Test
    void kafkaAdvertisesTheHostPortItIsPublishedOn() {
        assertThat(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS"))
                .contains("EXTERNAL://localhost:${NEWSFLOW_KAFKA_PORT:-9092}");
    }

    @Test
    void elasticsearchImageIsTheServerVersionOfThePom() throws Exception {
        Element pom = xml(ROOT.resolve("pom.xml"));
        String version = pom.getElementsByTagName("elasticsearch-server.version")
                .item(0)
                .getTextContent()
                .trim();

        assertThat(service("elasticsearch").get("image"))
                .isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:" + version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "search-service"})
    void imageIsBuiltFromTheJarOfTheServicesModule(String name) throws Exception {
        Element pom = xml(ROOT.resolve(name).resolve("pom.xml"));
        String jar = name + "/target/" + childText(pom, "artifactId") + "-" + moduleVersion(pom) + ".jar";
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        Map<String, Object> build = map(service(name).get("build"));
        Map<String, Object> args = map(build.get("args"));

        // One Dockerfile for all services: the build arguments pick the module's jar and the port it listens on.
        assertThat(build.get("context")).isEqualTo(".");
        assertThat(args.get("SERVICE")).isEqualTo(name);
        assertThat(String.valueOf(args.get("PORT"))).isEqualTo(applicationProperty(name, "server.port"));
        assertThat(copiedJars(dockerfile)).containsExactly("${SERVICE}/target/${SERVICE}-*.jar");
        assertThat(FileSystems.getDefault()
                        .getPathMatcher("glob:" + name + "/target/" + name + "-*.jar")
                        .matches(Path.of(jar)))
                .as("the Dockerfile's COPY pattern matches %s", jar)
                .isTrue();
        // The docker CLI and compose's classic builder drop an exception with a wildcard in its directory part.
        String exception = "!" + name + "/target/" + name + "-*.jar";
        assertThat(Files.readString(ROOT.resolve(".dockerignore")).lines())
                .as(".dockerignore lets the jar of %s through", name)
                .contains(exception);
        assertThat(FileSystems.getDefault()
                        .getPathMatcher("glob:" + exception.substring(1))
                        .matches(Path.of(jar)))
                .isTrue();
        assertThat(dockerfile)
                .containsPattern("(?m)^EXPOSE \\$\\{PORT}$")
                .containsPattern("(?m)^USER (?!root\\b|0\\b)\\S+$");
    }

    @Test
    void samplesArePostedToTheIngestApiOnceIngestIsHealthy() throws IOException {
        Map<String, Object> samples = service("samples");
        String ingestPort = applicationProperty("ingest-service", "server.port");

        assertThat(healthyDependencies("samples")).containsExactly("ingest-service");
        assertThat(strings(samples.get("volumes"))).contains("./samples:/samples:ro");
        assertThat(String.join(" ", strings(samples.get("command"))))
                .contains("/samples/*.json")
                .contains("http://ingest-service:" + ingestPort + "/api/v1/articles");
        try (Stream<Path> files = Files.list(ROOT.resolve("samples"))) {
            assertThat(files.map(Path::toString)).anyMatch(file -> file.endsWith(".json"));
        }
    }

    // --- docker-compose.yml

    private static Map<String, Object> services() {
        return map(compose.get("services"));
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = map(services().get(name));
        assertThat(service).as("compose service %s", name).isNotEmpty();
        return service;
    }

    private static List<String> applicationServices() {
        return List.of("ingest-service", "enrich-service", "search-service");
    }

    /** Compose accepts the environment as a map or as a list of {@code NAME=value}. */
    private static Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach(
                    (key, value) -> result.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else {
            for (String entry : strings(environment)) {
                int equals = entry.indexOf('=');
                result.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return result;
    }

    /** The application.yaml properties the service's compose environment sets, with the values compose gives them. */
    private static Map<String, String> boundProperties(String name) {
        Collection<String> properties = applicationYaml(name).keySet();
        Map<String, String> bound = new TreeMap<>();
        environment(name).forEach((env, value) -> propertyBoundBy(env, properties)
                .ifPresent(property -> bound.put(property, value)));
        return bound;
    }

    /**
     * The property an environment variable binds onto, decided by Spring Boot's own relaxed binding rules for the
     * system environment (so {@code NEWSFLOW_TOPICS_REPLICATIONFACTOR} and {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} bind,
     * {@code NEWSFLOW_TOPICSRAW} does not).
     */
    private static Optional<String> propertyBoundBy(String env, Collection<String> properties) {
        ConfigurationPropertySource source = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(env, "")));
        return properties.stream()
                .filter(property ->
                        source.getConfigurationProperty(ConfigurationPropertyName.adapt(property, '.')) != null)
                .findFirst();
    }

    private static List<String> healthyDependencies(String name) {
        Object dependsOn = service(name).get("depends_on");
        assertThat(dependsOn)
                .as("%s depends_on, in the long form that can wait for health", name)
                .isInstanceOf(Map.class);
        return map(dependsOn).entrySet().stream()
                .filter(e -> "service_healthy".equals(map(e.getValue()).get("condition")))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static List<String> healthcheckCommand(Map<String, Object> service) {
        Object test = map(service.get("healthcheck")).get("test");
        return test instanceof String command ? List.of(command) : strings(test);
    }

    private static Optional<String> memoryLimit(Map<String, Object> service) {
        Object deployed = map(map(map(service.get("deploy")).get("resources")).get("limits"))
                .get("memory");
        return Optional.ofNullable(deployed != null ? deployed : service.get("mem_limit"))
                .map(String::valueOf)
                .filter(limit -> limit.matches("\\d+(\\.\\d+)?[bkmgBKMG]?"));
    }

    record PortMapping(String published, String target) {}

    private static final Pattern VARIABLE_WITH_DEFAULT = Pattern.compile("\\$\\{[A-Z0-9_]+:-([^}]*)}");

    /**
     * Short ({@code [ip:]published:target}) and long ({@code published}/{@code target}) port syntax, with compose's
     * {@code ${VARIABLE:-default}} taken at its default.
     */
    private static List<PortMapping> portMappings(Map<String, Object> service) {
        List<PortMapping> mappings = new ArrayList<>();
        for (Object declared : list(service.get("ports"))) {
            Object port = declared instanceof String text
                    ? VARIABLE_WITH_DEFAULT.matcher(text).replaceAll("$1")
                    : declared;
            if (port instanceof Map<?, ?> longSyntax) {
                mappings.add(new PortMapping(
                        String.valueOf(longSyntax.get("published")), String.valueOf(longSyntax.get("target"))));
            } else {
                String[] parts = String.valueOf(port).split(":");
                String target = parts[parts.length - 1];
                mappings.add(new PortMapping(parts.length > 1 ? parts[parts.length - 2] : target, target));
            }
        }
        return mappings;
    }

    // --- application.yaml

    private static String applicationProperty(String service, String property) {
        String value = applicationYaml(service).get(property);
        assertThat(value).as("%s in %s/application.yaml", property, service).isNotNull();
        return value;
    }

    /** The service's application.yaml flattened to property names; lists of scalars become comma-separated values. */
    private static Map<String, String> applicationYaml(String service) {
        try {
            Map<String, String> flat = new TreeMap<>();
            flatten("", yaml(ROOT.resolve(service).resolve("src/main/resources/application.yaml")), flat);
            return flat;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the application.yaml of " + service, e);
        }
    }

    private static void flatten(String prefix, Object node, Map<String, String> flat) {
        if (node instanceof Map<?, ?> entries) {
            entries.forEach(
                    (key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, flat));
        } else if (node instanceof List<?> items
                && items.stream().anyMatch(i -> i instanceof Map || i instanceof List)) {
            for (int i = 0; i < items.size(); i++) {
                flatten(prefix + "[" + i + "]", items.get(i), flat);
            }
        } else if (node instanceof List<?> scalars) {
            flat.put(prefix, scalars.stream().map(String::valueOf).collect(Collectors.joining(",")));
        } else {
            flat.put(prefix, String.valueOf(node));
        }
    }

    // --- Dockerfile and pom.xml

    private static List<String> copiedJars(String dockerfile) {
        Matcher copy =
                Pattern.compile("(?m)^COPY\\s+(?:--\\S+\\s+)*(\\S+\\.jar)\\s").matcher(dockerfile);
        List<String> jars = new ArrayList<>();
        while (copy.find()) {
            jars.add(copy.group(1));
        }
        return jars;
    }

    private static String moduleVersion(Element pom) {
        String own = childText(pom, "version");
        if (own != null) {
            return own;
        }
        Element parent = (Element) pom.getElementsByTagName("parent").item(0);
        return childText(parent, "version");
    }

    /** The text of a direct child element, so a dependency's artifactId or version is never taken for the module's. */
    private static String childText(Element element, String tag) {
        for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(tag)) {
                return child.getTextContent().trim();
            }
        }
        return null;
    }

    private static Element xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(file.toFile())
                .getDocumentElement();
    }

    // --- YAML helpers

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            assertThat(document).as("%s is a YAML mapping", file).isInstanceOf(Map.class);
            return map(document);
        }
    }

    /** Compose's own {@code !reset} and {@code !override} tags, read as the value they carry. */
    private static Map<String, Object> yamlWithComposeTags(Path file) throws IOException {
        var constructor = new SafeConstructor(new LoaderOptions()) {
            {
                for (String tag : List.of("!reset", "!override")) {
                    yamlConstructors.put(new Tag(tag), new Construct() {
                        @Override
                        public Object construct(Node node) {
                            return switch (node) {
                                case SequenceNode sequence -> constructSequence(sequence);
                                case MappingNode mapping -> constructMapping(mapping);
                                default -> constructScalar((ScalarNode) node);
                            };
                        }

                        @Override
                        public void construct2ndStep(Node node, Object object) {}
                    });
                }
            }
        };
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml(constructor).load(reader));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<?> list(Object node) {
        return node instanceof List<?> list ? list : List.of();
    }

    private static List<String> strings(Object node) {
        return list(node).stream().map(String::valueOf).toList();
    }
}
