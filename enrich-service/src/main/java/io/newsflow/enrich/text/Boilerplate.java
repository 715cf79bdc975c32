package io.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises lines that pages and feeds wrap around an article's text: reading-time badges ("4 Min Read"), bylines
 * and datelines, share and subscribe prompts, and mastheads (the source's name on a line of its own, or a short line
 * repeated in the article, as in "RksNews / RksNews 4 Min Read").
 */
final class Boilerplate {

    private static final Pattern READING_TIME = Pattern.compile(
            "\\b\\d{1,3}\\s*(?:-\\s*)?(?:min(?:ute)?s?|mins?)\\.?\\s*(?:read|reading|lesezeit|de lecture|de lectura)\\b"
                    + "|\\b(?:reading time|lesezeit|temps de lecture|tiempo de lectura)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BYLINE = Pattern.compile(
            "^(?:by|von|par|por|di|door|autor|author|written by|reporting by|editing by)\\s+\\p{Lu}[\\p{L}.'’-]*"
                    + "(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|and|und|et|y|e|en|i|,))*$"
                    + "|^(?:published|updated|posted|last updated|veröffentlicht|aktualisiert|publié|mis à jour)\\b.{0,60}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PROMPT = Pattern.compile(
            "^(?:share(?: this(?: article| story| page)?)?(?: on \\w+)?|share via \\w+|click here\\b.*|tap here\\b.*"
                    + "|follow us\\b.*|sign up\\b.*|subscribe\\b.*|read more\\b.*|related(?: articles| stories)?:?.*"
                    + "|advertisement|sponsored( content)?|image (?:source|caption),?.*|getty images|copy link"
                    + "|(?:facebook|twitter|x|whatsapp|linkedin|email|telegram|reddit)(?:\\s*[|/,·]\\s*\\w+)*"
                    + "|skip (?:to|past) .*|continue reading\\b.*|listen to (?:this )?article.*|comments?(?: \\(\\d+\\))?)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…:;\"”»]$");
    private static final int SHORT_LINE_WORDS = 4;

    private Boilerplate() {}

    static boolean isBoilerplateLine(String line) {
        if (line.isBlank()) {
            return false;
        }
        var trimmed = line.strip();
        if (PROMPT.matcher(trimmed).matches() || BYLINE.matcher(trimmed).matches()) {
            return true;
        }
        var readingTime = READING_TIME.matcher(trimmed);
        // A reading-time badge, possibly with the masthead or a date beside it, but not a sentence that mentions one.
        return readingTime.find()
                && words(READING_TIME.matcher(trimmed).replaceAll(" ")) <= SHORT_LINE_WORDS
                && !SENTENCE_END.matcher(trimmed).find();
    }

    static List<String> drop(List<String> paragraphs, List<String> sourceNames) {
        var names = sourceNames.stream()
                .filter(name -> name != null && !name.isBlank())
                .map(Boilerplate::key)
                .toList();
        var kept = new ArrayList<String>();
        for (var paragraph : paragraphs) {
            if (isBoilerplateLine(paragraph)
                    || names.contains(key(paragraph))
                    || isRepeatedMasthead(paragraph, paragraphs)) {
                continue;
            }
            kept.add(paragraph);
        }
        return kept;
    }

    /**
     * A very short line without sentence punctuation that occurs again inside another short line (the masthead
     * repeated in the byline block). Headings are short too, but an article does not repeat them that way.
     */
    private static boolean isRepeatedMasthead(String paragraph, List<String> paragraphs) {
        if (!isShortFragment(paragraph)) {
            return false;
        }
        var key = key(paragraph);
        for (var other : paragraphs) {
            if (other != paragraph
                    && (isShortFragment(other) || isBoilerplateLine(other))
                    && containsWords(key(other), key)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsWords(String text, String words) {
        return (" " + text + " ").contains(" " + words + " ");
    }

    private static boolean isShortFragment(String line) {
        return words(line) <= SHORT_LINE_WORDS
                && !SENTENCE_END.matcher(line.strip()).find();
    }

    private static int words(String text) {
        var stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
