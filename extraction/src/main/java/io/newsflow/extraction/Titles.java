package io.newsflow.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import tools.jackson.databind.JsonNode;

/**
 * The headline as the page shows it: the {@code h1} that the metadata confirms, else the metadata's title without the
 * site name that {@code <title>} and {@code og:title} often append.
 */
final class Titles {

    private static final Pattern SITE_SEPARATOR = Pattern.compile("\\s+[|\\-–—•·:»]\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern QUOTES = Pattern.compile("[‘’‚′]");
    private static final int MIN_HEADLINE_WORDS = 4;

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
        var headings = document.select("h1").stream()
                .filter(h1 -> h1.closest("header nav, nav, footer, aside, [class~=(?i)logo|brand]") == null)
                .map(h1 -> clean(h1.text()))
                .filter(heading -> !heading.isEmpty())
                .toList();
        for (var heading : headings) {
            if (declared.stream().anyMatch(title -> contains(title, heading))) {
                return heading;
            }
        }
        // The page shows a headline of its own beside a different one for search engines and social media.
        if (headings.size() == 1 && words(headings.getFirst()) >= MIN_HEADLINE_WORDS) {
            return headings.getFirst();
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

    /** A title for comparison: spaces collapsed, lower case, typographic quotes as plain ones. */
    static String key(String text) {
        return QUOTES.matcher(SPACES.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT))
                .replaceAll("'")
                .replace('“', '"')
                .replace('”', '"');
    }

    /** Spaces collapsed, and entities decoded that a page escaped twice ("&amp;#8217;" shows as "&#8217;"). */
    static String clean(String text) {
        var decoded = text.indexOf('&') >= 0 ? Parser.unescapeEntities(text, false) : text;
        return SPACES.matcher(decoded.replace('\u00a0', ' ')).replaceAll(" ").strip();
    }

    private static int words(String text) {
        return text.split(" ").length;
    }
}
