package io.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Words of a text: letters and digits, with inner apostrophes and hyphens ("Ukraine's", "long-range"). The words of
 * the expression {@code [\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*}, found by a scan of the code points: every step of
 * enrichment splits its text into words, and the regular expression's matcher cost several times the scan.
 */
public final class Tokens {

    /** A word and where it is, so that callers can tell whether punctuation separates two words. */
    public record Token(String text, int start, int end) {}

    private Tokens() {}

    public static List<Token> of(String text) {
        var tokens = new ArrayList<Token>();
        int at = 0;
        while ((at = start(text, at)) < text.length()) {
            int end = end(text, at);
            tokens.add(new Token(text.substring(at, end), at, end));
            at = end;
        }
        return tokens;
    }

    public static int count(String text) {
        int count = 0;
        int at = 0;
        while ((at = start(text, at)) < text.length()) {
            at = end(text, at);
            count++;
        }
        return count;
    }

    /** Where the next word starts, at or after {@code from}; the text's length if none does. */
    private static int start(String text, int from) {
        int at = from;
        while (at < text.length()) {
            int c = text.codePointAt(at);
            if (isLetterOrNumber(c)) {
                return at;
            }
            at += Character.charCount(c);
        }
        return text.length();
    }

    /** The end of the word that starts at {@code start}: letters and digits, joined by single inner marks. */
    private static int end(String text, int start) {
        int at = run(text, start);
        while (at + 1 < text.length() && isJoiner(text.charAt(at)) && isLetterOrNumber(text.codePointAt(at + 1))) {
            at = run(text, at + 1);
        }
        return at;
    }

    private static int run(String text, int from) {
        int at = from;
        while (at < text.length()) {
            int c = text.codePointAt(at);
            if (!isLetterOrNumber(c)) {
                break;
            }
            at += Character.charCount(c);
        }
        return at;
    }

    private static boolean isJoiner(char c) {
        return c == '\'' || c == '’' || c == '-';
    }

    /** As {@code [\p{L}\p{N}]}: the general categories of letters and of numbers (Character.isDigit is only Nd). */
    public static boolean isLetterOrNumber(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
