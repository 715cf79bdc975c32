package io.newsflow.enrich.text;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/** Turns an article body (text or HTML) into clean plain text, paragraphs separated by blank lines. */
public final class TextExtractor {

    private static final Pattern HTML =
            Pattern.compile("<\\s*(p|div|br|li|h[1-6]|span|a|b|i|em|strong)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n+");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0]+");

    private TextExtractor() {}

    public static String plainText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        var text = HTML.matcher(body).find() ? htmlToText(body) : body;
        text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        var paragraphs = BLANK_LINES.split(text.replace("\r\n", "\n"));
        var clean = new StringBuilder();
        for (var paragraph : paragraphs) {
            var line =
                    SPACES.matcher(paragraph.replace('\n', ' ')).replaceAll(" ").strip();
            if (!line.isEmpty()) {
                clean.append(clean.isEmpty() ? "" : "\n\n").append(line);
            }
        }
        return clean.toString();
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
