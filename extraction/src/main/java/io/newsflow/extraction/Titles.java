package io.newsflow.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import tools.jackson.databind.JsonNode;

/**
 * The headline as the page shows it: the {@code h1} that the metadata confirms, else the metadata's title without the
 * site name that {@code <title>} and {@code og:title} often append.
 */
final class Titles {

    private static final Pattern SITE_SEPARATOR = Pattern.compile("\\s+[|\\-–—•·:»]\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Titles() {}

    static String of(Document document, MetaTags meta, Optional<JsonNode> article) {
        var declared = new ArrayList<String>();
        article.flatMap(node -> JsonLd.text(node, "headline")).ifPresent(declared::add);
        meta.first("og:title").ifPresent(declared::add);
        meta.first("twitter:title").ifPresent(declared::add);
        var titleTag = document.title();
        if (!titleTag.isBlank()) {
            declared.add(titleTag);
        }
        declared.replaceAll(Titles::clean);
        for (var h1 : document.select("h1")) {
            var heading = clean(h1.text());
            if (!heading.isEmpty() && declared.stream().anyMatch(title -> contains(title, heading))) {
                return heading;
            }
        }
        return declared.stream()
                .filter(title -> !title.isEmpty())
                .findFirst()
                .map(title -> withoutSiteName(title, declared))
                .orElseGet(() -> clean(document.select("h1").text()));
    }

    /** "Headline | Site" to "Headline", when the other declared titles show which part is the headline. */
    private static String withoutSiteName(String title, List<String> declared) {
        var parts = SITE_SEPARATOR.split(title);
        if (parts.length < 2) {
            return title;
        }
        var longest = parts[0];
        for (var part : parts) {
            if (part.length() > longest.length()) {
                longest = part;
            }
        }
        return longest;
    }

    private static boolean contains(String title, String heading) {
        return key(title).contains(key(heading));
    }

    static String key(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    static String clean(String text) {
        return SPACES.matcher(text.replace('\u00a0', ' ')).replaceAll(" ").strip();
    }
}
