package io.newsflow.extraction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The article's text by the page's structure, after Readability's method: paragraphs are scored by their length and
 * punctuation and credit their ancestors; the best container, less its link-heavy part, with the siblings that score
 * near it, gives the text. Boilerplate is left out beforehand: navigation, footers, asides, hidden elements, and
 * elements whose class or id names a banner, comments, sharing, related links and the like. When that leaves almost
 * nothing (a page whose article sits in a container with an unlucky class name), the class rule is dropped, then the
 * tag rule, as Readability does.
 */
final class MainText {

    private static final String ALWAYS_REMOVED =
            "script, style, noscript, template, iframe, svg, canvas, object, embed, "
                    + "button, select, textarea, input, link, meta";
    private static final String STRUCTURAL_BOILERPLATE = "nav, aside, footer, figcaption, dialog, menu, "
            + "[hidden], [aria-hidden=true], [role=navigation], [role=complementary], [role=contentinfo], "
            + "[style~=(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden]";
    // Substrings and whole words of class names and ids; plain string tests, as one long regex costs more than the
    // parse of the page.
    private static final List<String> NEGATIVE_PARTS = List.of(
            "comment",
            "cookie",
            "consent",
            "gdpr",
            "newsletter",
            "subscri",
            "paywall",
            "promo",
            "related",
            "recommend",
            "share",
            "sharing",
            "social",
            "sidebar",
            "footer",
            "breadcrumb",
            "banner",
            "popup",
            "modal",
            "advert",
            "ad-slot",
            "adslot",
            "sponsor",
            "outbrain",
            "taboola",
            "taglist",
            "tag-list",
            "byline",
            "dateline",
            "caption",
            "credit",
            "menu",
            "masthead",
            "signup",
            "toolbar",
            "disqus",
            "popular",
            "trending",
            "readmore",
            "read-more",
            "more-stories",
            "widget",
            "authorbio",
            "author-bio",
            "carousel",
            "pagination",
            "login",
            "tooltip");
    private static final Set<String> NEGATIVE_WORDS = Set.of("ad", "ads", "rail", "meta", "hide", "tags");
    private static final List<String> NEGATIVE_WORD_STARTS = List.of("nav", "skip");
    private static final List<String> POSITIVE_PARTS =
            List.of("article", "body", "content", "entry", "main", "post", "story", "text", "blog", "prose");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[^a-z0-9]+");
    private static final Set<String> BLOCKS = Set.of(("p div section article main li ul ol dl dd dt h1 h2 h3 h4 h5 h6"
                    + " blockquote pre table tr td th tbody thead header figure br hr address center body details summary")
            .split(" "));
    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote", "li", "dd");
    private static final int MIN_PARAGRAPH_CHARS = 25;
    private static final int ENOUGH_TEXT_CHARS = 400;
    private static final double SIBLING_SHARE = 0.2;
    // Readability.js's: the five best containers, those within three quarters of the best, three of them at least
    private static final int ALTERNATIVES = 5;
    private static final double NEAR_SHARE = 0.75;
    private static final int MIN_NEAR = 3;
    private static final double MAX_BLOCK_LINK_DENSITY = 0.5;

    private MainText() {}

    static String of(Document document, ExtractedPage metadata) {
        var body = document.body();
        body.select(ALWAYS_REMOVED).remove();
        var structural = Collections.<Element>newSetFromMap(new IdentityHashMap<>());
        structural.addAll(body.select(STRUCTURAL_BOILERPLATE));
        var byClass = Collections.<Element>newSetFromMap(new IdentityHashMap<>());
        byClass.addAll(structural);
        var names = new IdentityHashMap<Element, Names>();
        for (var element : body.getAllElements()) {
            var verdict = Names.of(element);
            names.put(element, verdict);
            if (verdict.negative()
                    && !verdict.positive()
                    && !element.nameIs("body")
                    && !element.nameIs("article")
                    && !element.nameIs("main")) {
                byClass.add(element);
            }
        }
        var title = Titles.key(metadata.title());
        var longest = "";
        for (var excluded : List.of(byClass, structural, Set.<Element>of())) {
            var text = extract(body, excluded, names, title);
            if (text.length() >= ENOUGH_TEXT_CHARS) {
                return text;
            }
            if (text.length() > longest.length()) {
                longest = text;
            }
        }
        return longest;
    }

    /** What an element's class and id say about it; matched once per element, as the patterns are long. */
    private record Names(boolean negative, boolean positive) {

        private static final Names NONE = new Names(false, false);

        static Names of(Element element) {
            var names = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
            if (names.isBlank()) {
                return NONE;
            }
            return new Names(isNegative(names), POSITIVE_PARTS.stream().anyMatch(names::contains));
        }

        private static boolean isNegative(String names) {
            if (NEGATIVE_PARTS.stream().anyMatch(names::contains)) {
                return true;
            }
            for (var word : NAME_SEPARATORS.split(names)) {
                if (NEGATIVE_WORDS.contains(word)
                        || NEGATIVE_WORD_STARTS.stream().anyMatch(word::startsWith)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String extract(Element body, Set<Element> excluded, Map<Element, Names> names, String title) {
        var stats = new IdentityHashMap<Element, Stats>();
        Stats.measure(body, excluded, stats);
        var scores = score(body, stats, names);
        var top = widened(best(scores).orElse(body), scores, body, excluded);
        var paragraphs = new ArrayList<String>();
        for (var container : withSiblings(top, scores, stats)) {
            paragraphs.addAll(Paragraphs.of(container, excluded));
        }
        paragraphs.removeIf(paragraph -> Titles.key(paragraph).equals(title) || Boilerplate.isPrompt(paragraph));
        return String.join("\n\n", paragraphs);
    }

    /** Characters of text, of linked text and commas under an element, boilerplate left out. */
    static final class Stats {
        int chars;
        int linkChars;
        int commas;
        boolean hasTextChild;

        double linkDensity() {
            return chars == 0 ? 0 : Math.min(1, (double) linkChars / chars);
        }

        static Stats measure(Element element, Set<Element> excluded, Map<Element, Stats> into) {
            var stats = new Stats();
            for (var child : element.childNodes()) {
                if (child instanceof TextNode text) {
                    var value = text.text();
                    var length = value.strip().length();
                    stats.chars += length;
                    stats.hasTextChild |= length >= MIN_PARAGRAPH_CHARS;
                    for (int i = 0; i < value.length(); i++) {
                        var c = value.charAt(i);
                        if (c == ',' || c == '，' || c == '、' || c == '،') {
                            stats.commas++;
                        }
                    }
                } else if (child instanceof Element childElement && !excluded.contains(childElement)) {
                    var childStats = measure(childElement, excluded, into);
                    stats.chars += childStats.chars;
                    stats.commas += childStats.commas;
                    stats.linkChars += childElement.nameIs("a") ? childStats.chars : childStats.linkChars;
                }
            }
            into.put(element, stats);
            return stats;
        }
    }

    private static Map<Element, Double> score(Element body, Map<Element, Stats> stats, Map<Element, Names> names) {
        var scores = new IdentityHashMap<Element, Double>();
        for (var entry : stats.entrySet()) {
            var element = entry.getKey();
            var own = entry.getValue();
            var isParagraph = PARAGRAPHS.contains(element.normalName()) || (element.nameIs("div") && own.hasTextChild);
            if (!isParagraph || own.chars < MIN_PARAGRAPH_CHARS) {
                continue;
            }
            double points = 1 + own.commas + Math.min(own.chars / 100, 3);
            var ancestor = element.parent();
            for (int level = 0; ancestor != null && level < 3; level++, ancestor = ancestor.parent()) {
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                var share = points / divider;
                var old = scores.get(ancestor);
                scores.put(ancestor, (old == null ? initial(ancestor, names) : old) + share);
                if (ancestor == body) {
                    break;
                }
            }
        }
        scores.replaceAll((element, score) ->
                score * (1 - stats.getOrDefault(element, new Stats()).linkDensity()));
        return scores;
    }

    private static double initial(Element element, Map<Element, Names> names) {
        double score =
                switch (element.normalName()) {
                    case "div", "article", "main", "section" -> 5;
                    case "pre", "td", "blockquote" -> 3;
                    case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
                    case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
                    default -> 0;
                };
        var verdict = names.getOrDefault(element, Names.NONE);
        if (verdict.positive()) {
            score += 25;
        }
        if (verdict.negative()) {
            score -= 25;
        }
        return score;
    }

    private static Optional<Element> best(Map<Element, Double> scores) {
        return scores.entrySet().stream()
                .max(Map.Entry.<Element, Double>comparingByValue())
                .map(Map.Entry::getKey);
    }

    /**
     * Readability's widening of the best container: when at least three other containers score near it (an article
     * cut into sections, slides or blocks between inline ads), their nearest common ancestor; then, while the
     * container is its parent's only child, the parent.
     */
    private static Element widened(Element top, Map<Element, Double> scores, Element body, Set<Element> excluded) {
        var topScore = scores.getOrDefault(top, 0.0);
        // a container inside the best one, or holding it, is not another part of the article
        var near = scores.entrySet().stream()
                .filter(entry -> entry.getValue() >= NEAR_SHARE * topScore)
                .filter(entry -> !isUnder(entry.getKey(), top) && !isUnder(top, entry.getKey()))
                .filter(entry -> entry.getKey() != top)
                .sorted(Map.Entry.<Element, Double>comparingByValue().reversed())
                .limit(ALTERNATIVES - 1)
                .map(Map.Entry::getKey)
                .toList();
        var widened = top;
        if (topScore > 0 && near.size() >= MIN_NEAR) {
            for (var ancestor = top.parent();
                    ancestor != null && ancestor != body && !excluded.contains(ancestor);
                    ancestor = ancestor.parent()) {
                var holder = ancestor;
                if (near.stream().filter(element -> isUnder(element, holder)).count() >= MIN_NEAR) {
                    widened = ancestor;
                    break;
                }
            }
        }
        while (widened.parent() != null
                && widened.parent() != body
                && widened.parent().childrenSize() == 1
                && !excluded.contains(widened.parent())) {
            widened = widened.parent();
        }
        return widened;
    }

    private static boolean isUnder(Element element, Element ancestor) {
        for (var parent = element.parent(); parent != null; parent = parent.parent()) {
            if (parent == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> withSiblings(Element top, Map<Element, Double> scores, Map<Element, Stats> stats) {
        var parent = top.parent();
        if (parent == null || top.nameIs("body")) {
            return List.of(top);
        }
        var threshold = Math.max(10, scores.getOrDefault(top, 0.0) * SIBLING_SHARE);
        var kept = new ArrayList<Element>();
        for (var sibling : parent.children()) {
            if (sibling == top
                    || scores.getOrDefault(sibling, 0.0) >= threshold
                    || isLoneParagraph(sibling, stats.get(sibling))) {
                kept.add(sibling);
            }
        }
        return kept;
    }

    private static boolean isLoneParagraph(Element element, Stats stats) {
        if (stats == null || !(element.nameIs("p") || isTextDiv(element, stats))) {
            return false;
        }
        var density = stats.linkDensity();
        return (stats.chars > 80 && density < 0.25)
                || (stats.chars > 0 && density == 0 && element.text().matches("(?s).*[.!?]\\s*$"));
    }

    /** A {@code div} used as a paragraph: text of its own and no block inside (Readability reads it as a {@code p}). */
    private static boolean isTextDiv(Element element, Stats stats) {
        if (!element.nameIs("div") || !stats.hasTextChild) {
            return false;
        }
        for (var child : element.children()) {
            if (BLOCKS.contains(child.normalName())) {
                return false;
            }
        }
        return true;
    }

    /** The blocks of an element as paragraphs, one per block-level element, link-heavy blocks left out. */
    static final class Paragraphs {

        private final Set<Element> excluded;
        private final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private int linkedChars;
        private int linkDepth;

        private Paragraphs(Set<Element> excluded) {
            this.excluded = excluded;
        }

        static List<String> of(Element root, Set<Element> excluded) {
            var paragraphs = new Paragraphs(excluded);
            paragraphs.walk(root);
            paragraphs.flush();
            return paragraphs.paragraphs;
        }

        private void walk(Node node) {
            if (node instanceof TextNode text) {
                var value = text.getWholeText();
                current.append(value);
                if (linkDepth > 0) {
                    linkedChars += value.strip().length();
                }
                return;
            }
            if (!(node instanceof Element element) || excluded.contains(element)) {
                return;
            }
            var block = BLOCKS.contains(element.normalName());
            if (block) {
                flush();
            }
            var link = element.nameIs("a");
            if (link) {
                linkDepth++;
            }
            for (var child : element.childNodes()) {
                walk(child);
            }
            if (link) {
                linkDepth--;
            }
            if (block) {
                flush();
            }
        }

        private void flush() {
            var text = Titles.clean(current.toString());
            var linked = linkedChars;
            current.setLength(0);
            linkedChars = 0;
            if (!text.isEmpty() && (double) linked / text.length() <= MAX_BLOCK_LINK_DENSITY) {
                paragraphs.add(text);
            }
        }
    }
}
