package io.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Words of a text: letters and digits, with inner apostrophes and hyphens ("Ukraine's", "long-range"). */
public final class Tokens {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*");

    /** A word and where it is, so that callers can tell whether punctuation separates two words. */
    public record Token(String text, int start, int end) {}

    private Tokens() {}

    public static List<Token> of(String text) {
        var tokens = new ArrayList<Token>();
        var matcher = WORD.matcher(text);
        while (matcher.find()) {
            tokens.add(new Token(matcher.group(), matcher.start(), matcher.end()));
        }
        return tokens;
    }

    public static int count(String text) {
        var matcher = WORD.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
