package io.newsflow.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import tools.jackson.databind.JsonNode;

/** The names of a byline: from JSON-LD, else the author meta tags, else the page's byline elements. */
final class Authors {

    private static final Pattern BY = Pattern.compile(
            "^(?:by|von|par|por|di|door|de|written by|text:|texto:|autor(?:in)?:?|author:?)\\s+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SEPARATORS =
            Pattern.compile("\\s*(?:,|;|\\||&|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b|\\be\\b|\\bi\\b)\\s*");
    private static final Pattern NOT_A_NAME = Pattern.compile("https?:|www\\.|@|\\d|/", Pattern.CASE_INSENSITIVE);
    private static final int MAX_NAME_WORDS = 5;

    private Authors() {}

    static List<String> of(Document document, MetaTags meta, Optional<JsonNode> article) {
        var fromJsonLd = article.map(node -> JsonLd.names(node, "author")).orElse(List.of());
        var names = clean(fromJsonLd);
        if (!names.isEmpty()) {
            return names;
        }
        for (var key : List.of(
                "author",
                "article:author",
                "parsely-author",
                "sailthru.author",
                "byl",
                "dc.creator",
                "citation_author",
                "dcterms.creator")) {
            names = clean(meta.all(key));
            if (!names.isEmpty()) {
                return names;
            }
        }
        var bylines = new ArrayList<String>();
        for (var element : document.select(
                "[rel=author], [itemprop=author] [itemprop=name], [itemprop=author]:not(:has([itemprop=name])), "
                        + "[class~=(?i)^(byline|author|author-name|byline__name|byline-name)$]")) {
            bylines.add(element.text());
        }
        return clean(bylines);
    }

    static List<String> clean(List<String> raw) {
        var names = new LinkedHashMap<String, String>();
        for (var entry : raw) {
            var text = Titles.clean(entry);
            text = BY.matcher(text).replaceFirst("");
            for (var part : SEPARATORS.split(text)) {
                var name = BY.matcher(part.strip()).replaceFirst("").strip();
                if (isName(name)) {
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
