package io.newsflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the services themselves say, read from the repository rather than repeated in the test: their
 * application.yaml, the topics their configuration classes declare, the group and topic of their Kafka listeners,
 * and their settings in docker-compose.yml.
 */
final class ServiceSources {

    static final List<String> SERVICES = List.of("ingest-service", "enrich-service", "search-service");

    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\(([^)]*)\\)", Pattern.DOTALL);
    // A topic a configuration class declares: TopicBuilder.name(...) or its topic(...) helper on a properties accessor
    // such as topics.raw() or properties.ingest().feeds().topic() (any group of ingest's settings: feeds, fetch),
    // possibly wrapped in DeadLetters.topicFor(...).
    private static final Pattern DECLARED_TOPIC = Pattern.compile(
            "(?:TopicBuilder\\.name|\\btopic)\\("
                    + "(DeadLetters\\.topicFor\\()?(?:properties\\.)?(topics(?:\\(\\))?|ingest\\(\\)\\.(\\w+)\\(\\))\\.(\\w+)\\(\\)");
    private static final Pattern DEAD_LETTER_SUFFIX = Pattern.compile("SUFFIX = \"([^\"]+)\"");

    private final Path root;
    private final Map<String, Map<String, String>> defaults = new ConcurrentHashMap<>();

    ServiceSources(Path root) {
        this.root = root;
    }

    static ServiceSources ofRepository() {
        // Surefire runs in the module's directory, deploy/, whose parent is the repository.
        return new ServiceSources(
                Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent());
    }

    Path root() {
        return root;
    }

    /** The service's application.yaml as flat properties (lists joined by commas, as an environment variable). */
    Map<String, String> defaults(String service) {
        return defaults.computeIfAbsent(service, key -> {
            var properties = new LinkedHashMap<String, String>();
            flatten("", read(root.resolve(key).resolve("src/main/resources/application.yaml")), properties);
            return properties;
        });
    }

    /** A Kafka listener of the service: its topic and thread count as properties, and its consumer group. */
    record Listener(String topicProperty, String concurrencyProperty, String group) {}

    List<Listener> listeners(String service) {
        var defaults = defaults(service);
        return javaSources(service)
                .flatMap(source -> LISTENER.matcher(source).results())
                .map(annotation -> listener(annotation.group(1), defaults))
                .toList();
    }

    private static Listener listener(String attributes, Map<String, String> defaults) {
        var topic = placeholder(attributes, "topics").orElseThrow();
        var concurrency = placeholder(attributes, "concurrency").orElse("");
        // Spring Kafka's rule: groupId, else the listener id unless idIsGroup = false, else the consumer factory's.
        var group = literal(attributes, "groupId")
                .or(() -> attributes.matches("(?s).*idIsGroup\\s*=\\s*false.*")
                        ? Optional.empty()
                        : literal(attributes, "id"))
                .orElseGet(() -> defaults.get("spring.kafka.consumer.group-id"));
        return new Listener(topic, concurrency, group);
    }

    /** A topic the service's configuration declares, by its property, and whether it is compacted. */
    record DeclaredTopic(String property, boolean deadLetter, boolean compacted) {}

    List<DeclaredTopic> declaredTopics(String service) {
        return javaSources(service)
                .filter(source -> source.contains("TopicBuilder"))
                .flatMap(source -> DECLARED_TOPIC.matcher(source).results().map(match -> declared(source, match)))
                .distinct()
                .toList();
    }

    private static DeclaredTopic declared(String source, MatchResult match) {
        var prefix =
                match.group(2).startsWith("topics") ? "newsflow.topics." : "newsflow.ingest." + match.group(3) + ".";
        var property = prefix + kebab(match.group(4));
        var end = source.indexOf(".build()", match.end());
        var builder = source.substring(match.end(), end < 0 ? source.length() : end);
        var compacted = builder.contains(".compact()") || builder.contains("CLEANUP_POLICY_COMPACT");
        return new DeclaredTopic(property, match.group(1) != null, compacted);
    }

    String deadLetterSuffix() {
        var source = readString(root.resolve("kafka-support/src/main/java/io/newsflow/kafka/DeadLetters.java"));
        Matcher matcher = DEAD_LETTER_SUFFIX.matcher(source);
        if (!matcher.find()) {
            throw new IllegalStateException("DeadLetters names no SUFFIX");
        }
        return matcher.group(1);
    }

    /** The environment variables docker-compose.yml sets for the service. */
    Map<String, String> composeEnvironment(String service) {
        var environment = new LinkedHashMap<String, String>();
        compose()
                .path("services")
                .path(service)
                .path("environment")
                .properties()
                .forEach(entry ->
                        environment.put(entry.getKey(), entry.getValue().asText()));
        return environment;
    }

    String composeMemoryLimit(String service) {
        return compose()
                .path("services")
                .path(service)
                .path("deploy")
                .path("resources")
                .path("limits")
                .path("memory")
                .asText();
    }

    String elasticsearchVersion() {
        var matcher =
                Pattern.compile("<elasticsearch-server.version>([^<]+)</").matcher(readString(root.resolve("pom.xml")));
        if (!matcher.find()) {
            throw new IllegalStateException("The root pom names no elasticsearch-server.version");
        }
        return matcher.group(1);
    }

    /**
     * The environment variables Spring Boot binds onto a property: dots become underscores and dashes are dropped
     * (the canonical form, NEWSFLOW_TOPICS_INGESTSTATE), or dashes become underscores too (the legacy form Boot still
     * accepts, SPRING_KAFKA_BOOTSTRAP_SERVERS).
     */
    static List<String> environmentVariables(String property) {
        var upper = property.replace(".", "_").toUpperCase(Locale.ROOT);
        return List.of(upper.replace("-", ""), upper.replace("-", "_"));
    }

    private JsonNode compose() {
        return read(root.resolve("docker-compose.yml"));
    }

    private Stream<String> javaSources(String service) {
        try (var files = Files.walk(root.resolve(service).resolve("src/main/java"))) {
            return files
                    .filter(file -> file.toString().endsWith(".java"))
                    .map(ServiceSources::readString)
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> placeholder(String attributes, String name) {
        return match(attributes, name + "\\s*=\\s*\"\\$\\{([^}]+)}\"");
    }

    private static Optional<String> literal(String attributes, String name) {
        return match(attributes, "\\b" + name + "\\s*=\\s*\"([^\"]+)\"");
    }

    private static Optional<String> match(String text, String regex) {
        var matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> properties) {
        if (node.isObject()) {
            node.properties().forEach(entry -> flatten(prefix + entry.getKey() + ".", entry.getValue(), properties));
        } else if (node.isArray()) {
            var values = new ArrayList<String>();
            node.forEach(item -> values.add(item.asText()));
            properties.put(prefix.substring(0, prefix.length() - 1), String.join(",", values));
        } else {
            properties.put(prefix.substring(0, prefix.length() - 1), node.asText());
        }
    }

    private static JsonNode read(Path file) {
        return Kustomize.readAll(file).getFirst();
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
