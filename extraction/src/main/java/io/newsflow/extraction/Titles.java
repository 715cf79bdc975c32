package io.newsflow.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
    private static final int MIN_HEADLINE_WORDS = 3;
    // A class that names a logo or brand as a whole ("site-logo"), not one that merely mentions it: pages put
    // "wp-custom-logo" or "u-border-color-brand-secondary" on the body or the article itself.
    private static final String NOT_A_HEADLINE = "nav, footer, aside, "
            + "[class~=(?i)(^|\\s)((site|header|navbar|brand)[-_])?(logo|brand|branding|site-title|site-name)(\\s|$)]";

    private Titles() {}

    static String of(Document document, MetaTags meta, Optional<JsonNode> article, Set<String> siteNames) {
        var declared = new ArrayList<String>();
        article.flatMap(node -> JsonLd.text(node, "headline")).ifPresent(declared::add);
        meta.first("og:title").ifPresent(declared::add);
        meta.first("twitter:title").ifPresent(declared::add);
        meta.first("title").ifPresent(declared::add);
        var titleTag = document.title();
        if (!titleTag.isBlank()) {
            declared.add(titleTag);
        }
        declared.replaceAll(Titles::clean);
        var headings = document.select("h1").stream()
                .filter(h1 -> h1.closest(NOT_A_HEADLINE) == null)
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
        return consensus(declared.stream()
                        .filter(title -> !title.isEmpty())
                        .map(title -> withoutSiteName(title, siteNames))
                        .toList())
                .orElseGet(() -> clean(document.select("h1").text()));
    }

    /**
     * The title most of the declared ones give, without their site names; on a tie the first (JSON-LD, then
     * OpenGraph...). A page whose {@code og:title} is a social teaser ("Remember when...?") still names its article
     * in {@code <title>} and {@code meta name=title} alike.
     */
    private static Optional<String> consensus(List<String> titles) {
        String best = null;
        long votes = 0;
        for (var title : titles) {
            var key = key(title);
            var count = titles.stream().filter(other -> key(other).equals(key)).count();
            if (count > votes) {
                best = title;
                votes = count;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * "Headline | Site" to "Headline": the first or last parts that name the site (its {@code og:site_name},
     * publisher, host) are cut, keeping separators inside the headline ("Review: Headline | Site"); else the longest
     * part is the headline.
     */
    static String withoutSiteName(String title, Set<String> siteNames) {
        var parts = SITE_SEPARATOR.split(title);
        if (parts.length < 2) {
            return title;
        }
        var separators = new ArrayList<String>();
        var matcher = SITE_SEPARATOR.matcher(title);
        while (matcher.find()) {
            separators.add(matcher.group());
        }
        int from = 0;
        int to = parts.length;
        while (to - from > 1 && Authors.isSiteName(parts[to - 1], siteNames)) {
            to--;
        }
        while (to - from > 1 && Authors.isSiteName(parts[from], siteNames)) {
            from++;
        }
        if (from > 0 || to < parts.length) {
            var kept = new StringBuilder(parts[from]);
            for (int i = from + 1; i < to; i++) {
                kept.append(separators.get(i - 1)).append(parts[i]);
            }
            return kept.toString().strip();
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
