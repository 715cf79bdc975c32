package io.newsflow.extraction;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import tools.jackson.databind.JsonNode;

/** The names of a byline: from JSON-LD, else the author meta tags, else the page's byline elements. */
final class Authors {

    private static final Pattern BY = Pattern.compile(
            "^(?:by|von|par|por|di|door|de|written by|text:|texto:|autor(?:in)?:?|author:?)\\s+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SEPARATORS =
            Pattern.compile("\\s*[,;|&/]\\s*|\\s+(?:and|und|et|y|e|i|en|og|och)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NOT_A_NAME = Pattern.compile("https?:|www\\.|@|\\d|/", Pattern.CASE_INSENSITIVE);
    private static final int MAX_NAME_WORDS = 5;
    private static final int MAX_BYLINE_CHARS = 100;
    private static final List<String> META_KEYS = List.of(
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
            "byl",
            "dc.creator",
            "citation_author",
            "dcterms.creator");
    private static final List<String> BYLINE_SELECTORS = List.of(
            "[itemprop=author] [itemprop=name], [itemprop=author]:not(:has([itemprop=name]))",
            "a[rel=author]",
            "[class~=(?i)(^|[-_])(byline|author)s?([-_](name|link|names|info|wrapper))?$] a",
            "[class~=(?i)(^|[-_])(byline|author)s?([-_](name|link|names|info|wrapper))?$]",
            "a[href~=/(author|authors|autor|auteur|people|profile|staff|writers?)/]");

    private Authors() {}

    static List<String> of(Document document, MetaTags meta, Optional<JsonNode> article, URI pageUrl) {
        var site = siteNames(meta, article, pageUrl);
        var fromJsonLd = article.map(node -> JsonLd.names(node, "author")).orElse(List.of());
        var names = clean(fromJsonLd, site);
        if (!names.isEmpty()) {
            return names;
        }
        for (var key : META_KEYS) {
            names = clean(meta.all(key), site);
            if (!names.isEmpty()) {
                return names;
            }
        }
        for (var selector : BYLINE_SELECTORS) {
            var bylines = new ArrayList<String>();
            for (var element : document.select(selector)) {
                var text = element.text();
                if (text.length() <= MAX_BYLINE_CHARS) {
                    bylines.add(text);
                }
            }
            names = clean(bylines, site);
            if (!names.isEmpty()) {
                return names;
            }
        }
        return List.of();
    }

    /** The publication's own names, which bylines and metadata often give in place of a person's. */
    private static Set<String> siteNames(MetaTags meta, Optional<JsonNode> article, URI pageUrl) {
        var names = new HashSet<String>();
        meta.first("og:site_name").ifPresent(name -> names.add(key(name)));
        meta.first("application-name").ifPresent(name -> names.add(key(name)));
        article.map(node -> node.path("publisher"))
                .flatMap(publisher -> JsonLd.text(publisher, "name"))
                .ifPresent(name -> names.add(key(name)));
        var host = pageUrl.getHost();
        if (host != null) {
            for (var label : host.toLowerCase(Locale.ROOT).split("\\.")) {
                if (!label.equals("www") && label.length() > 2) {
                    names.add(key(label));
                }
            }
        }
        return names;
    }

    private static String key(String name) {
        var lower = name.toLowerCase(Locale.ROOT).replaceAll("\\.(com|org|net|co\\.uk|in)\\b", "");
        return NOT_LETTERS.matcher(lower.replaceFirst("^the\\s+", "")).replaceAll("");
    }

    static List<String> clean(List<String> raw) {
        return clean(raw, Set.of());
    }

    private static List<String> clean(List<String> raw, Set<String> site) {
        var names = new LinkedHashMap<String, String>();
        for (var entry : raw) {
            var text = Titles.clean(entry);
            text = BY.matcher(text).replaceFirst("");
            for (var part : SEPARATORS.split(text)) {
                var name = BY.matcher(part.strip()).replaceFirst("").strip();
                if (isName(name) && !site.contains(key(name))) {
                    names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        return List.copyOf(names.values());
    }

    private static boolean isName(String name) {
        if (name.length() < 3 || NOT_A_NAME.matcher(name).find()) {
            return false;
        }
        var words = name.split("\\s+").length;
        return words <= MAX_NAME_WORDS && Character.isLetter(name.codePointAt(0));
    }
}
