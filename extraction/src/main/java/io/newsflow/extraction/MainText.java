package io.newsflow.extraction;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The article's text by the page's structure: boilerplate elements are removed (navigation, footers, banners,
 * comments, share and related blocks, hidden elements), paragraphs are scored by their length and punctuation and
 * credit their ancestors, and the best-scored container, with the siblings that score near it, gives the text.
 */
final class MainText {

    private static final String REMOVED_TAGS = "script, style, noscript, template, iframe, svg, canvas, object, embed, "
            + "nav, aside, footer, form button, select, textarea, input, label, figcaption, dialog, menu";
    private static final Pattern NEGATIVE = Pattern.compile(
            "comment|cookie|consent|gdpr|newsletter|subscri|paywall|promo|related|recommend|share|sharing|social"
                    + "|sidebar|footer|breadcrumb|banner|popup|modal|advert|\\bad\\b|\\bads\\b|ad-slot|adslot|sponsor"
                    + "|outbrain|taboola|tag-?list|\\btags\\b|byline|dateline|caption|credit|\\bnav|menu|masthead"
                    + "|signup|toolbar|disqus|popular|trending|read-?more|more-stories|skip|hidden|widget|print"
                    + "|author-?bio|newsletter|rail|teaser|carousel|gallery-?nav|pagination|login|tooltip",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|main|post|story|text|blog|prose|rich-?text", Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN_STYLE =
            Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "main",
            "li",
            "ul",
            "ol",
            "dl",
            "dd",
            "dt",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "table",
            "tr",
            "td",
            "th",
            "tbody",
            "thead",
            "header",
            "figure",
            "br",
            "hr",
            "address",
            "center",
            "body");
    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "blockquote", "td", "li", "dd");
    private static final Pattern COMMAS = Pattern.compile("[,，、،]");
    private static final int MIN_PARAGRAPH_CHARS = 25;

    private MainText() {}

    static String of(Document document, PageMetadata metadata) {
        var body = document.body();
        clean(body);
        var scores = score(body);
        var top = best(scores).orElse(body);
        var paragraphs = new ArrayList<String>();
        for (var container : withSiblings(top, scores)) {
            paragraphs.addAll(Paragraphs.of(container));
        }
        var title = Titles.key(metadata.title());
        paragraphs.removeIf(paragraph -> Titles.key(paragraph).equals(title) || Boilerplate.isPrompt(paragraph));
        return String.join("\n\n", paragraphs);
    }

    private static void clean(Element body) {
        body.select(REMOVED_TAGS).remove();
        body.select("[hidden], [aria-hidden=true], [style~=(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden]")
                .remove();
        var unlikely = new ArrayList<Element>();
        for (var element : body.getAllElements()) {
            if (element == body || element.nameIs("article") || element.nameIs("main")) {
                continue;
            }
            var names = element.className() + " " + element.id();
            if (names.isBlank()) {
                continue;
            }
            if (NEGATIVE.matcher(names).find() && !POSITIVE.matcher(names).find()) {
                unlikely.add(element);
            }
        }
        unlikely.forEach(Element::remove);
    }

    private static Map<Element, Double> score(Element body) {
        var scores = new IdentityHashMap<Element, Double>();
        for (var element : body.getAllElements()) {
            if (!PARAGRAPHS.contains(element.normalName()) && !isTextDiv(element)) {
                continue;
            }
            var text = element.text();
            if (text.length() < MIN_PARAGRAPH_CHARS) {
                continue;
            }
            double points = 1 + COMMAS.matcher(text).results().count() + Math.min(text.length() / 100, 3);
            var ancestor = element.parent();
            for (int level = 0; ancestor != null && level < 3; level++, ancestor = ancestor.parent()) {
                var divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, initial(ancestor) + points / divider, (old, add) -> old + points / divider);
            }
        }
        scores.replaceAll((element, score) -> score * (1 - linkDensity(element)));
        return scores;
    }

    private static boolean isTextDiv(Element element) {
        if (!element.nameIs("div")) {
            return false;
        }
        for (var child : element.childNodes()) {
            if (child instanceof TextNode text && text.text().strip().length() >= MIN_PARAGRAPH_CHARS) {
                return true;
            }
        }
        return false;
    }

    private static double initial(Element element) {
        double score =
                switch (element.normalName()) {
                    case "div", "article", "main", "section" -> 5;
                    case "pre", "td", "blockquote" -> 3;
                    case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
                    case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
                    default -> 0;
                };
        var names = element.className() + " " + element.id();
        if (POSITIVE.matcher(names).find()) {
            score += 25;
        }
        if (NEGATIVE.matcher(names).find()) {
            score -= 25;
        }
        return score;
    }

    private static java.util.Optional<Element> best(Map<Element, Double> scores) {
        return scores.entrySet().stream()
                .max(Map.Entry.<Element, Double>comparingByValue())
                .map(Map.Entry::getKey);
    }

    private static List<Element> withSiblings(Element top, Map<Element, Double> scores) {
        var parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        var threshold = Math.max(10, scores.getOrDefault(top, 0.0) * 0.2);
        var kept = new ArrayList<Element>();
        for (var sibling : parent.children()) {
            if (sibling == top || scores.getOrDefault(sibling, 0.0) >= threshold || isLoneParagraph(sibling)) {
                kept.add(sibling);
            }
        }
        return kept;
    }

    private static boolean isLoneParagraph(Element element) {
        if (!element.nameIs("p")) {
            return false;
        }
        var text = element.text();
        var density = linkDensity(element);
        return (text.length() > 80 && density < 0.25)
                || (text.length() > 0 && density == 0 && text.matches("(?s).*[.!?]\\s*$"));
    }

    static double linkDensity(Element element) {
        var length = element.text().length();
        if (length == 0) {
            return 0;
        }
        var linked = 0;
        for (var link : element.select("a")) {
            linked += link.text().length();
        }
        return Math.min(1, (double) linked / length);
    }

    /** The blocks of an element as paragraphs: one per block-level element, inline text joined. */
    static final class Paragraphs {

        private final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();

        static List<String> of(Element root) {
            var paragraphs = new Paragraphs();
            paragraphs.walk(root);
            paragraphs.flush();
            return paragraphs.paragraphs;
        }

        private void walk(Node node) {
            if (node instanceof TextNode text) {
                current.append(text.getWholeText());
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            var block = BLOCKS.contains(element.normalName());
            if (block) {
                flush();
            }
            for (var child : element.childNodes()) {
                walk(child);
            }
            if (block) {
                flush();
            }
        }

        private void flush() {
            var text = Titles.clean(current.toString());
            current.setLength(0);
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
    }
}
