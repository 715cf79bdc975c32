package io.newsflow.enrich.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Turns an article body (text or HTML) into clean plain text, paragraphs separated by blank lines: Unicode NFKC,
 * whitespace collapsed, list items as paragraphs of their own, and boilerplate lines (see {@link Boilerplate})
 * dropped.
 */
public final class TextExtractor {

    private static final Pattern HTML =
            Pattern.compile("<\\s*(p|div|br|li|h[1-6]|span|a|b|i|em|strong)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n+");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0\\u2000-\\u200B\\u202F\\u205F]+");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[•·▪●◦‣∙*]|-(?=\\s))\\s*");

    private TextExtractor() {}

    public static String plainText(String body) {
        return plainText(body, List.of());
    }

    /**
     * @param sourceNames names the article's source goes by (name, domain): a line that is only one of them is a
     *     masthead, not content
     */
    public static String plainText(String body, List<String> sourceNames) {
        if (body == null || body.isBlank()) {
            return "";
        }
        var text = HTML.matcher(body).find() ? htmlToText(body) : body;
        text = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFKC);
        var paragraphs = new ArrayList<String>();
        for (var block : BLANK_LINES.split(text)) {
            paragraphs.addAll(paragraphsOf(block));
        }
        var kept = Boilerplate.drop(paragraphs, sourceNames);
        return String.join("\n\n", kept);
    }

    /**
     * The start of {@code text}, at most {@code characters} long, cut after the last whitespace that fits (so no word is
     * cut in two), or at {@code characters} when there is none.
     */
    public static String start(String text, int characters) {
        if (text.length() <= characters) {
            return text;
        }
        for (var end = characters; end > 0; end--) {
            if (Character.isWhitespace(text.charAt(end))) {
                return text.substring(0, end);
            }
        }
        return text.substring(0, characters);
    }

    /** The lines of a block joined into paragraphs, except that every bullet item starts a paragraph of its own. */
    private static List<String> paragraphsOf(String block) {
        var paragraphs = new ArrayList<String>();
        var current = new StringBuilder();
        for (var rawLine : block.split("\n")) {
            var bullet = BULLET.matcher(rawLine);
            var isItem = bullet.find();
            var line = SPACES.matcher(isItem ? rawLine.substring(bullet.end()) : rawLine)
                    .replaceAll(" ")
                    .strip();
            if (line.isEmpty()) {
                continue;
            }
            // A line that is boilerplate on its own (a byline block is several short lines) must not be glued to
            // its neighbours before it can be recognised.
            if (isItem || Boilerplate.isBoilerplateLine(line) || Boilerplate.isBoilerplateLine(current.toString())) {
                flush(current, paragraphs);
            }
            current.append(current.isEmpty() ? "" : " ").append(line);
            if (isItem) {
                flush(current, paragraphs);
            }
        }
        flush(current, paragraphs);
        return paragraphs;
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        if (!current.isEmpty()) {
            paragraphs.add(current.toString());
            current.setLength(0);
        }
    }

    private static String htmlToText(String html) {
        // Only the text of block elements is kept, each as its own paragraph; scripts and styles are dropped by the
        // safelist before anything is read, and nothing is ever rendered.
        var document = Jsoup.parseBodyFragment(Jsoup.clean(html, Safelist.relaxed()));
        var text = new StringBuilder();
        for (Element block : document.body().select("p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td")) {
            if (block.parents().stream().noneMatch(parent -> parent.is("p, li, blockquote"))) {
                text.append(block.text()).append("\n\n");
            }
        }
        return text.isEmpty() ? document.body().text() : text.toString();
    }
}
