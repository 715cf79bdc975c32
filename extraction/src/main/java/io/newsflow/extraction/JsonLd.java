package io.newsflow.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema.org objects of a page's JSON-LD blocks, with the article among them when there is one. Public for the
 * extraction lab, which lists what a page offers with the same leniency the extractor reads it.
 */
public final class JsonLd {

    private static final Set<String> ARTICLE_TYPES = Set.of(
            "Article",
            "NewsArticle",
            "ReportageNewsArticle",
            "AnalysisNewsArticle",
            "OpinionNewsArticle",
            "BackgroundNewsArticle",
            "ReviewNewsArticle",
            "AskPublicNewsArticle",
            "SatiricalArticle",
            "BlogPosting",
            "LiveBlogPosting",
            "SocialMediaPosting",
            "DiscussionForumPosting",
            "Report",
            "TechArticle",
            "ScholarlyArticle",
            "MedicalScholarlyArticle");
    private static final Set<String> PAGE_TYPES =
            Set.of("WebPage", "ItemPage", "AboutPage", "MediaObject", "VideoObject");

    // Pages ship hand-written JSON: control characters in strings, comments, trailing commas.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    private final List<JsonNode> objects;

    private JsonLd(List<JsonNode> objects) {
        this.objects = List.copyOf(objects);
    }

    public static JsonLd of(Document document) {
        var objects = new ArrayList<JsonNode>();
        for (var script : document.select("script[type~=(?i)application/ld\\+json]")) {
            try {
                collect(MAPPER.readTree(script.data().strip()), objects);
            } catch (JacksonException malformed) {
                // a broken block says nothing; the meta tags and the page still do
            }
        }
        return new JsonLd(objects);
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isArray()) {
            node.values().forEach(element -> collect(element, into));
        } else if (node.isObject()) {
            into.add(node);
            collect(node.path("@graph"), into);
            var mainEntity = node.path("mainEntity");
            if (mainEntity.isObject() || mainEntity.isArray()) {
                collect(mainEntity, into);
            }
        }
    }

    /** Every object of every block, in page order: arrays, {@code @graph} and {@code mainEntity} unfolded. */
    public List<JsonNode> objects() {
        return objects;
    }

    /** The first article-typed object, else the first web page, which often carries the same fields. */
    Optional<JsonNode> article() {
        return firstOfType(ARTICLE_TYPES).or(() -> firstOfType(PAGE_TYPES));
    }

    private Optional<JsonNode> firstOfType(Set<String> types) {
        return objects.stream().filter(node -> hasType(node, types)).findFirst();
    }

    private static boolean hasType(JsonNode node, Set<String> types) {
        var type = node.path("@type");
        if (type.isArray()) {
            return type.values().stream().anyMatch(t -> types.contains(simpleType(t.asString())));
        }
        return type.isString() && types.contains(simpleType(type.asString()));
    }

    private static String simpleType(String type) {
        var slash = type.lastIndexOf('/');
        return slash < 0 ? type : type.substring(slash + 1);
    }

    /** A text field, or the first of an array of them. */
    static Optional<String> text(JsonNode node, String field) {
        var value = node.path(field);
        if (value.isArray() && !value.isEmpty()) {
            value = value.path(0);
        }
        if (value.isString() && !value.asString().isBlank()) {
            return Optional.of(value.asString().strip());
        }
        return Optional.empty();
    }

    /** A URL given as a string, an object with a {@code url} or {@code @id}, or an array of either. */
    static Optional<String> url(JsonNode node, String field) {
        var value = node.path(field);
        if (value.isArray() && !value.isEmpty()) {
            value = value.path(0);
        }
        if (value.isString()) {
            return Optional.of(value.asString().strip()).filter(s -> !s.isEmpty());
        }
        if (value.isObject()) {
            var object = value;
            return text(object, "url").or(() -> text(object, "contentUrl")).or(() -> text(object, "@id"));
        }
        return Optional.empty();
    }

    /** The names of the people (or, failing those, the organisations) a field names. */
    static List<String> names(JsonNode node, String field) {
        var value = node.path(field);
        var people = new ArrayList<String>();
        var organisations = new ArrayList<String>();
        for (var entry : value.isArray() ? value.values() : List.of(value)) {
            if (entry.isString()) {
                people.add(entry.asString());
            } else if (entry.isObject()) {
                var name = text(entry, "name");
                if (name.isPresent()) {
                    var organisation = hasType(entry, Set.of("Organization", "NewsMediaOrganization", "Corporation"));
                    (organisation ? organisations : people).add(name.get());
                }
            }
        }
        return people.isEmpty() ? organisations : people;
    }
}
