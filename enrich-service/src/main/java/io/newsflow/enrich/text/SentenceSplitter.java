package io.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits clean text (see {@link TextExtractor}) into sentences with rules that work for the Latin and Cyrillic
 * languages Newsflow detects: a paragraph never continues into the next one (so headings and list items are sentences
 * of their own), a sentence ends at {@code . ! ? …} followed by closing quotes or brackets and then the start of a new
 * sentence, except after abbreviations, initials and numbers. Runs of two sentences glued without a space
 * ("profits.The") are split too, since real feeds contain them.
 */
public final class SentenceSplitter {

    // Lower-case, without the final dot; common to several languages where they share the form.
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "gov", "sen", "rep", "rev", "lt",
            "col", "capt", "cpt", "sgt", "maj", "adm", "cmdr", "pres", "supt", "insp", "hon", "messrs", "mme", "mlle",
            "m", "inc", "ltd", "co", "corp", "plc", "bros", "vs", "v", "etc", "approx", "nos", "nr", "vol", "fig", "p",
            "pp", "ch", "dept", "univ", "assn", "ave", "blvd", "rd", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "cf", "al", "ca", "u.s", "u.k", "u.n", "e.u", "a.m",
            "p.m", "z.b", "bzw", "usw", "vgl", "ggf", "evtl", "sog", "hr", "fr", "hrsg", "s", "ggü", "d.h", "u.a",
            "sra", "srta", "dña", "ud", "uds", "av", "pág", "núm", "sig", "dott", "sig.ra", "avv", "ing", "geb", "mevr",
            "dhr", "blz", "nº", "ul", "tzw", "np", "tys", "mln", "mld", "ж", "ул", "г", "гг", "т.е", "т.к", "им", "см",
            "тыс", "млн", "млрд", "вул", "див", "тис");
    private static final String CLOSERS = "\"'”’»)]}";
    private static final String OPENERS = "\"'“‘«([{¿¡";

    private SentenceSplitter() {}

    public static List<String> sentences(String text) {
        var sentences = new ArrayList<String>();
        for (var paragraph : text.split("\\n\\s*\\n")) {
            split(paragraph.strip(), sentences);
        }
        return sentences;
    }

    private static void split(String paragraph, List<String> sentences) {
        int start = 0;
        int length = paragraph.length();
        for (int i = 0; i < length; i++) {
            char c = paragraph.charAt(i);
            if (c != '.' && c != '!' && c != '?' && c != '…') {
                continue;
            }
            int end = i + 1;
            while (end < length && (isTerminal(paragraph.charAt(end)) || CLOSERS.indexOf(paragraph.charAt(end)) >= 0)) {
                end++;
            }
            if (end >= length) {
                break;
            }
            boolean spaced = Character.isWhitespace(paragraph.charAt(end));
            int next = end;
            while (next < length && Character.isWhitespace(paragraph.charAt(next))) {
                next++;
            }
            if (next >= length || !startsSentence(paragraph, next)) {
                i = end - 1;
                continue;
            }
            if (c == '.' && !spaced && !isGluedSentenceEnd(paragraph, i, next)) {
                i = end - 1;
                continue;
            }
            if (c == '.' && end == i + 1 && isAbbreviationOrNumber(paragraph, start, i)) {
                continue;
            }
            add(paragraph.substring(start, end), sentences);
            start = next;
            i = next - 1;
        }
        add(paragraph.substring(start), sentences);
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean startsSentence(String text, int index) {
        char c = text.charAt(index);
        if (OPENERS.indexOf(c) >= 0 || c == '“' || c == '–' || c == '—') {
            return index + 1 < text.length() && !Character.isLowerCase(text.charAt(index + 1));
        }
        return Character.isUpperCase(c) || Character.isDigit(c);
    }

    /** "end.Next" with a lower-case letter, digit or % before the dot and a capitalised word after it. */
    private static boolean isGluedSentenceEnd(String text, int dot, int next) {
        if (dot == 0 || next + 1 >= text.length()) {
            return false;
        }
        char before = text.charAt(dot - 1);
        return (Character.isLowerCase(before) || Character.isDigit(before) || before == '%' || before == ')')
                && Character.isUpperCase(text.charAt(next))
                && Character.isLowerCase(text.charAt(next + 1));
    }

    private static boolean isAbbreviationOrNumber(String text, int start, int dot) {
        int wordStart = dot;
        while (wordStart > start && !Character.isWhitespace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        var word = text.substring(wordStart, dot);
        while (!word.isEmpty() && OPENERS.indexOf(word.charAt(0)) >= 0) {
            word = word.substring(1);
        }
        if (word.isEmpty()) {
            return false;
        }
        var lower = word.toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(lower)) {
            return true;
        }
        // An initial ("J. K. Rowling") or a dotted acronym other than a known one ("U.S.A.").
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        if (word.matches("(?:\\p{L}\\.)+\\p{L}")) {
            return true;
        }
        // An ordinal date in German and others: "am 4. September".
        return word.chars().allMatch(Character::isDigit)
                && word.length() <= 2
                && dot + 2 < text.length()
                && Character.isUpperCase(text.charAt(dot + 2))
                && text.substring(dot + 2)
                        .matches("(?s)(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September"
                                + "|Oktober|November|Dezember|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia"
                                + "|września|października|listopada|grudnia)\\b.*");
    }

    private static void add(String sentence, List<String> sentences) {
        var stripped = sentence.strip();
        if (!stripped.isEmpty()) {
            sentences.add(stripped);
        }
    }
}
