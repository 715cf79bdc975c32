package io.newsflow.enrich.entities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The stable key of a name, the same in every article: "Zelenskyy", "Zelensky" and "Zelenskiy" are {@code zelensky},
 * "U.S." and "US" are {@code us}. Folds what spelling and transliteration vary: case, accents, dots and apostrophes,
 * and the endings that transliterations of Slavic names vary, "-iy", "-yi", "-yy", "-ij", "-ii" (all "-y"). Words are joined by
 * hyphens. A key identifies; the name shown stays as the article wrote it.
 */
public final class EntityKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SLAVIC_ENDING = Pattern.compile("(?:iy|yi|yy|ij|ii)$");

    private EntityKeys() {}

    public static String of(String name) {
        return String.join("-", words(name));
    }

    /** The folded words of a name, for comparing parts of names ("Zelenskyy" ends "Volodymyr Zelensky"). */
    static List<String> words(String name) {
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT)
                // "U.S." is one word, "O'Brien" too.
                .replaceAll("[.'’]", "");
        var words = new ArrayList<String>();
        for (String word : SEPARATORS.split(folded)) {
            if (!word.isEmpty()) {
                words.add(SLAVIC_ENDING.matcher(word).replaceAll("y"));
            }
        }
        return List.copyOf(words);
    }
}
