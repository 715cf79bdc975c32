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
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import tools.jackson.databind.JsonNode;

/** The names of a byline: from JSON-LD, else the author meta tags, else the page's byline elements. */
final class Authors {

    private static final Pattern BY = Pattern.compile(
            "^(?:by|von|par|por|di|door|de|written by|text:|texto:|autor(?:in)?:?|author:?)\\s+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SEPARATORS =
            Pattern.compile("\\s*[,;|&/]\\s*|\\s+(?:and|und|et|y|e|i|en|og|och)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "https?:|www\\.|@|\\d|/|^\\S+\\.[a-z]{2,}$"
                    // the labels of the page's controls beside a byline ("Edit Profile", "Follow")
                    + "|\\b(profile|log\\s?in|sign\\s?in|subscribe|follow|share|comments?|twitter|facebook|email)\\b",
            Pattern.CASE_INSENSITIVE);
    // A byline's organisation rather than a person: agencies, desks, a paper's own name ("The Jersey Journal",
    // "Najib Jobain, Associated Press" splits into a name and its agency). Whole words only: "Newsom" is a name.
    private static final Pattern ORGANISATION = Pattern.compile(
            "^the\\s|\\b(press|reuters|afp|ap|dpa|upi|bloomberg|staff|newsroom|desk|team|editors?|editorial|"
                    + "news|agency|agencies|media|journal|gazette|telegram|times|tribune|herald|magazine|"
                    + "contributors?|wire|service|correspondents?|reporters)\\b",
            Pattern.CASE_INSENSITIVE);
    // Those a byline names as helpers, not writers: "By A. Writer. Contributions from B. Helper".
    private static final Pattern CONTRIBUTORS = Pattern.compile(
            "(?:with\\s+)?(?:contributions?\\s+(?:from|by)|additional\\s+reporting\\s+(?:from|by)|"
                    + "with\\s+reporting\\s+(?:from|by)|edited\\s+by|reviewed\\s+by|fact[-\\s]checked\\s+by)"
                    + "\\s*:?\\s+(.{3,80}?)(?=\\s+(?:published|updated|last\\s+updated|posted)\\b|$|[.•|])",
            Pattern.CASE_INSENSITIVE);
    // "Amie Mock as told to Heather Eastman": the one told is the subject, the one told to wrote it down.
    private static final Pattern AS_TOLD_TO = Pattern.compile("^.*?\\bas\\s+told\\s+to\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_SHAPE =
            Pattern.compile("(?:(?i:by)\\s+)?\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){1,3}");
    private static final String BYLINE_BLOCKS =
            "[class~=(?i)byline|author|contributor], [itemprop=author], [rel=author]";
    private static final int MAX_CONTRIBUTOR_LINE = 300;
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
    // The last class of a list, whole or after a prefix ("post__byline-name"), or any class of the list as a whole
    // word ("jsx-35288 byline"); not a prefixed class inside a list ("about-author d-flex" is an author's bio box).
    private static final String BYLINE_CLASS =
            "[class~=(?i)((^|[-_])(byline|author)s?([-_](name|link|names|info|wrapper))?$)"
                    + "|((^|\\s)(byline|author)s?([-_](name|link|names|info|wrapper))?(\\s|$))]";
    private static final String AUTHOR_LINKS = "a[href~=/(author|authors|autor|auteur|people|profile|staff|writers?)/]";
    private static final List<String> BYLINE_SELECTORS = List.of(
            "[itemprop=author] [itemprop=name], [itemprop=author]:not(:has([itemprop=name]))",
            "a[rel=author]",
            BYLINE_CLASS + " a",
            BYLINE_CLASS,
            AUTHOR_LINKS);

    private Authors() {}

    static List<String> of(Document document, MetaTags meta, Optional<JsonNode> article, URI pageUrl) {
        var names = found(document, meta, article, siteNames(meta, article, pageUrl));
        if (names.size() < 2) {
            return names;
        }
        var helpers = contributors(document);
        if (helpers.isEmpty()) {
            return names;
        }
        var writers = names.stream()
                .filter(name -> !helpers.contains(name.toLowerCase(Locale.ROOT)))
                .toList();
        return writers.isEmpty() ? names : writers;
    }

    private static List<String> found(Document document, MetaTags meta, Optional<JsonNode> article, Set<String> site) {
        // The first source that names a person; an organisation only when no source does ("Slate Staff").
        var organisations = List.<String>of();
        var fromJsonLd = article.map(node -> JsonLd.names(node, "author")).orElse(List.of());
        var names = clean(fromJsonLd, site);
        if (!persons(names).isEmpty()) {
            return persons(names);
        }
        organisations = names;
        for (var key : META_KEYS) {
            names = clean(meta.all(key), site);
            if (!persons(names).isEmpty()) {
                return persons(names);
            }
            organisations = organisations.isEmpty() ? names : organisations;
        }
        for (var selector : BYLINE_SELECTORS) {
            var bylines = new ArrayList<String>();
            var elements = document.select(selector);
            if (selector.equals(AUTHOR_LINKS)) {
                // Links to author pages anywhere on the page are also the bylines of other articles' teasers: only
                // those beside the first one that names someone (under its parent) are this article's.
                var first = elements.stream().filter(Element::hasText).findFirst();
                if (first.isPresent() && first.get().parent() != null) {
                    elements = first.get().parent().select(selector);
                }
            }
            for (var element : elements) {
                var text = element.text();
                if (text.length() <= MAX_BYLINE_CHARS) {
                    bylines.add(text);
                }
            }
            names = clean(bylines, site);
            if (!persons(names).isEmpty()) {
                return persons(names);
            }
            organisations = organisations.isEmpty() ? names : organisations;
        }
        var beforeDate = clean(nameBeforeDateUnderHeadline(document).stream().toList(), site);
        if (!persons(beforeDate).isEmpty()) {
            return persons(beforeDate);
        }
        return organisations;
    }

    /**
     * A byline of no telling class (hashed CSS class names): under the first headline outside navigation, a short
     * text shaped as a name (two to four capitalised words) that the dateline follows at once ("Tyrese Griffin",
     * then "Oct 17, 2023"). The date next to it is what tells a byline from a subheading or a standfirst.
     */
    private static Optional<String> nameBeforeDateUnderHeadline(Document document) {
        for (var h1 : document.select("h1")) {
            if (h1.closest(PageMetadata.OUTSIDE_ARTICLE) != null) {
                continue;
            }
            var read = 0;
            String previous = null;
            Node node = h1;
            while (read < PageMetadata.MAX_UNDER_HEADLINE_CHARS
                    && (node = PageMetadata.nextInOrder(node, h1)) != null) {
                if (node instanceof TextNode textNode && !textNode.isBlank() && textNode.parentNode() != h1) {
                    var text = textNode.text().strip();
                    read += text.length();
                    if (previous != null
                            && text.length() <= PageMetadata.MAX_DATE_TEXT_CHARS
                            && Dates.writtenIn(text).isPresent()) {
                        return Optional.of(previous);
                    }
                    previous = NAME_SHAPE.matcher(text).matches() ? text : null;
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The names that are not an organisation's ("Najib Jobain, Associated Press" names one person). */
    private static List<String> persons(List<String> names) {
        return names.stream().filter(name -> !ORGANISATION.matcher(name).find()).toList();
    }

    /**
     * The names a byline gives as contributors, reviewers or editors, lower-cased: metadata lists them among the
     * authors, the byline tells them apart.
     */
    private static Set<String> contributors(Document document) {
        var helpers = new HashSet<String>();
        for (var element : document.select(BYLINE_BLOCKS)) {
            var text = element.text();
            if (text.length() > MAX_CONTRIBUTOR_LINE) {
                continue;
            }
            var matcher = CONTRIBUTORS.matcher(text);
            while (matcher.find()) {
                clean(List.of(matcher.group(1))).forEach(name -> helpers.add(name.toLowerCase(Locale.ROOT)));
            }
        }
        return helpers;
    }

    /** The publication's own names, which bylines and metadata often give in place of a person's. */
    static Set<String> siteNames(MetaTags meta, Optional<JsonNode> article, URI pageUrl) {
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

    /** Whether a text names the publication: its site name, publisher or host, compared without case and spaces. */
    static boolean isSiteName(String text, Set<String> siteNames) {
        var key = key(text);
        return !key.isEmpty() && siteNames.contains(key);
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
            text = AS_TOLD_TO.matcher(text).replaceFirst("");
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
