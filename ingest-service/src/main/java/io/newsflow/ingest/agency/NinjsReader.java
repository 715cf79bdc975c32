package io.newsflow.ingest.agency;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.newsflow.events.Article;
import io.newsflow.events.Source;
import io.newsflow.ingest.agency.InvalidAgencyItemException.Kind;
import io.newsflow.ingest.agency.InvalidAgencyItemException.Violation;
import io.newsflow.ingest.intake.ArticleIntake.Submission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps a ninjs document onto an article, after validating it against the released schema of its version: {@code uri}
 * and {@code version} to the GUID and the revision, the main headline, the body (HTML before plain text), the byline,
 * the subjects' names as publisher tags, the creation and version dates, the language. The 1.x, 2.x (lower-case) and
 * 3.x (camelCase) property names are all read, case-insensitively.
 */
final class NinjsReader {

    static final List<String> VERSIONS =
            List.of("1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.0", "2.1", "2.2", "3.0", "3.1");

    private static final String IPTC = "http://www.iptc.org/std/ninjs/";
    private static final String GEOJSON = "https://geojson.org/schema/GeoJSON.json";
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z]+[A-Z].*");
    private static final int MAX_ERRORS = 20;

    private final JsonMapper json = JsonMapper.builder().build();
    // "format" only annotates, as in the IPTC's own test suite (its should_pass files include malformed dates).
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(NinjsReader::schemaText)
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(false)
                            .build()));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    Submission read(byte[] body, String requestedVersion) {
        var version = requestedVersion == null ? null : requestedVersion.strip();
        if (version != null && !VERSIONS.contains(version)) {
            throw new InvalidAgencyItemException(
                    Kind.INVALID,
                    "ninjs",
                    "Unknown ninjs version " + version + "; known: " + String.join(", ", VERSIONS) + ".",
                    List.of(new Violation("version", "not a released ninjs version", null, null)));
        }
        var text = new String(body, StandardCharsets.UTF_8);
        var document = parse(text, version == null ? "ninjs" : "ninjs " + version);
        if (!document.isObject()) {
            throw new InvalidAgencyItemException(
                    Kind.INVALID,
                    version == null ? "ninjs" : "ninjs " + version,
                    "A ninjs document is a JSON object.",
                    List.of(new Violation("", "not a JSON object", null, null)));
        }
        var effective = version != null ? version : detectVersion(document);
        var format = "ninjs " + effective;
        var errors = schema(effective).validate(text, InputFormat.JSON);
        if (!errors.isEmpty()) {
            var violations = errors.stream()
                    .limit(MAX_ERRORS)
                    .map(error -> new Violation(error.getInstanceLocation().toString(), error.getMessage(), null, null))
                    .toList();
            throw new InvalidAgencyItemException(
                    Kind.INVALID,
                    format,
                    "The document is not valid " + format + " (" + errors.size() + " error"
                            + (errors.size() == 1 ? "" : "s") + ").",
                    violations);
        }
        return map(new Fields(document), format);
    }

    /** Without a version parameter: 3.x names its properties in camelCase, 2.x has plural arrays, 1.x neither. */
    static String detectVersion(JsonNode document) {
        var names = document.propertyNames();
        if (names.stream().anyMatch(name -> CAMEL_CASE.matcher(name).matches())) {
            return "3.1";
        }
        if (names.stream().anyMatch(name -> List.of("headlines", "bodies", "descriptions", "subjects", "by")
                .contains(name))) {
            return "2.2";
        }
        return "1.6";
    }

    private JsonNode parse(String text, String format) {
        try {
            return json.readTree(text);
        } catch (StreamReadException e) {
            var location = e.getLocation();
            throw new InvalidAgencyItemException(
                    Kind.MALFORMED,
                    format,
                    "The ninjs document is not JSON: " + e.getOriginalMessage(),
                    List.of(new Violation(
                            null,
                            e.getOriginalMessage(),
                            location == null ? null : location.getLineNr(),
                            location == null ? null : location.getColumnNr())));
        }
    }

    private Schema schema(String version) {
        return schemas.computeIfAbsent(
                version, v -> registry.getSchema(SchemaLocation.of(IPTC + "ninjs-schema_" + v + ".json")));
    }

    /** The schemas come from the classpath: nothing is fetched at run time. */
    private static String schemaText(String iri) {
        var name = iri.startsWith(GEOJSON)
                ? "GeoJSON.json"
                : iri.startsWith(IPTC) ? iri.substring(IPTC.length()).replaceFirst("#.*", "") : null;
        if (name == null) {
            return null;
        }
        try (var in = new ClassPathResource("agency/ninjs/" + name).getInputStream()) {
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // The validator knows draft 4 and later; 1.0's draft-03 schema differs from draft 4 only in its
            // per-property "required": true, which draft 4 ignores (the mapping below still requires uri and text).
            return text.replace("http://json-schema.org/draft-03/schema#", "http://json-schema.org/draft-04/schema#");
        } catch (IOException e) {
            throw new UncheckedIOException("ninjs schema " + name + " is missing from the classpath", e);
        }
    }

    private static Submission map(Fields fields, String format) {
        var guid = fields.text("uri")
                .orElseThrow(() -> new InvalidAgencyItemException(
                        Kind.INVALID,
                        format,
                        "The document is not valid " + format + ": every ninjs item has a uri.",
                        List.of(new Violation("/uri", "required", null, null))));
        var title = fields.text("headline")
                .or(() -> fields.prefixed("headline_", "main"))
                .or(() -> fields.preferred("headlines", "main"))
                .or(() -> fields.text("slugline"))
                .orElseThrow(() ->
                        InvalidAgencyItemException.notAnArticle(format, "headline", "it has no headline or slugline"));
        var body = fields.prefixed("body_", "html").or(() -> fields.preferred("bodies", "html"));
        var description = fields.prefixed("description_", "html").or(() -> fields.preferred("descriptions", "html"));
        if (body.isEmpty() && description.isEmpty()) {
            throw InvalidAgencyItemException.notAnArticle(format, "body", "it has neither a body nor a description");
        }
        var byline = fields.text("byline").or(() -> fields.text("by"));
        var article = new Article(
                title,
                body.or(() -> description).orElseThrow(),
                null,
                body.isPresent() ? description.orElse(null) : null,
                byline.map(List::of).orElse(List.of()),
                AgencyDates.parse(fields.text("firstcreated").orElse(null), "firstcreated", format),
                AgencyDates.parse(fields.text("versioncreated").orElse(null), "versioncreated", format),
                fields.text("language").orElse(null),
                fields.subjects(),
                guid);
        return new Submission(Source.pushed(null, null), article, version(fields.text("version")));
    }

    static long version(Optional<String> version) {
        return version.filter(v -> v.strip().matches("\\d{1,18}"))
                .map(v -> Long.parseLong(v.strip()))
                .orElse(0L);
    }

    /** The top-level properties by lower-case name, so that {@code versioncreated} finds 3.x's {@code versionCreated}. */
    private static final class Fields {

        private final Map<String, JsonNode> byName = new LinkedHashMap<>();

        Fields(JsonNode document) {
            document.properties()
                    .forEach(entry -> byName.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue()));
        }

        Optional<String> text(String name) {
            return Optional.ofNullable(byName.get(name)).flatMap(Fields::textOf);
        }

        /**
         * 1.x's pattern properties ({@code body_text}, {@code body_html}, {@code headline_main}...): the one whose
         * suffix contains {@code preferred}, else the first in document order.
         */
        Optional<String> prefixed(String prefix, String preferred) {
            Optional<String> first = Optional.empty();
            for (var entry : byName.entrySet()) {
                if (entry.getKey().startsWith(prefix)) {
                    var value = textOf(entry.getValue());
                    if (value.isPresent()
                            && entry.getKey().substring(prefix.length()).contains(preferred)) {
                        return value;
                    }
                    first = first.or(() -> value);
                }
            }
            return first;
        }

        /** From an array of {role, contenttype, value}: the one whose role or content type names {@code preferred}. */
        Optional<String> preferred(String name, String preferred) {
            var items = byName.get(name);
            if (items == null || !items.isArray()) {
                return Optional.empty();
            }
            Optional<String> first = Optional.empty();
            for (var item : items) {
                var value = textOf(item.get("value"));
                if (value.isEmpty()) {
                    continue;
                }
                var role =
                        (item.path("role").asString("") + " " + property(item, "contenttype")).toLowerCase(Locale.ROOT);
                if (role.contains(preferred)) {
                    return value;
                }
                if (first.isEmpty()) {
                    first = value;
                }
            }
            return first;
        }

        List<String> subjects() {
            var tags = new ArrayList<String>();
            for (var name : List.of("subject", "subjects")) {
                var subjects = byName.get(name);
                if (subjects != null && subjects.isArray()) {
                    for (var subject : subjects) {
                        textOf(subject.get("name"))
                                .or(() -> textOf(subject.get("literal")))
                                .or(() -> textOf(subject.get("code")))
                                .or(() -> textOf(subject.get("uri")))
                                .filter(tag -> !tags.contains(tag))
                                .ifPresent(tags::add);
                    }
                }
            }
            return tags;
        }

        private static String property(JsonNode item, String lowerCaseName) {
            for (var entry : item.properties()) {
                if (entry.getKey().toLowerCase(Locale.ROOT).equals(lowerCaseName)) {
                    return entry.getValue().asString("");
                }
            }
            return "";
        }

        private static Optional<String> textOf(JsonNode node) {
            return node != null && node.isString() && !node.asString().isBlank()
                    ? Optional.of(node.asString().strip())
                    : Optional.empty();
        }
    }
}
