package io.newsflow.enrich.entities;

import io.newsflow.enrich.text.Tokens;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The stable key of a name, the same in every article: "Zelenskyy", "Zelensky" and "Zelenskiy" are {@code zelensky},
 * "U.S." and "US" are {@code us}. Folds what spelling and transliteration vary: case, accents, dots and apostrophes,
 * and the endings that transliterations of Slavic names vary, "-iy", "-yi", "-yy", "-ij", "-ii" (all "-y"). Words are joined by
 * hyphens. In German articles the listed genitive forms of names ("Deutschlands", "Völkerbundes") have their base
 * form's key ({@link #of(String, String)}); a key depends on the name and the language only, never on other articles. A key identifies; the name shown stays as the article wrote it.
 */
public final class EntityKeys {

    private static final Set<String> SLAVIC_ENDINGS = Set.of("iy", "yi", "yy", "ij", "ii");

    private EntityKeys() {}

    public static String of(String name) {
        return String.join("-", words(name));
    }

    /**
     * The key of a name in an article of the given language: for German, also without the genitive ending of the
     * names {@link EntityInflections} lists, so that "Deutschlands" alone has Deutschland's key in every article.
     */
    public static String of(String name, String language) {
        return of(EntityInflections.base(name, language));
    }

    /** The folded words of a name, for comparing parts of names ("Zelenskyy" ends "Volodymyr Zelensky"). */
    static List<String> words(String name) {
        // Scans rather than regular expressions (the merger and the keywords fold every mention and candidate):
        // accents off, lower case, dots and apostrophes dropped ("U.S." is one word, "O'Brien" too), split at
        // anything but letters and digits.
        String folded =
                withoutMarks(Normalizer.normalize(name, Normalizer.Form.NFKD)).toLowerCase(Locale.ROOT);
        var words = new ArrayList<String>();
        var word = new StringBuilder();
        for (int at = 0; at < folded.length(); ) {
            int c = folded.codePointAt(at);
            at += Character.charCount(c);
            if (c == '.' || c == '\'' || c == '’') {
                continue;
            }
            if (Tokens.isLetterOrNumber(c)) {
                word.appendCodePoint(c);
            } else {
                addWord(word, words);
            }
        }
        addWord(word, words);
        return List.copyOf(words);
    }

    private static String withoutMarks(String text) {
        var kept = new StringBuilder(text.length());
        for (int at = 0; at < text.length(); ) {
            int c = text.codePointAt(at);
            at += Character.charCount(c);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK
                    && type != Character.ENCLOSING_MARK
                    && type != Character.COMBINING_SPACING_MARK) {
                kept.appendCodePoint(c);
            }
        }
        return kept.toString();
    }

    private static void addWord(StringBuilder word, List<String> words) {
        if (word.isEmpty()) {
            return;
        }
        int length = word.length();
        if (length >= 2 && SLAVIC_ENDINGS.contains(word.substring(length - 2))) {
            word.replace(length - 2, length, "y");
        }
        words.add(word.toString());
        word.setLength(0);
    }
}
