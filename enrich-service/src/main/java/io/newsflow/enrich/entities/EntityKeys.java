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
 * hyphens. In German articles the listed genitive forms of names ("Deutschlands", "Völkerbundes") have their base
 * form's key ({@link #of(String, String)}); a key depends on the name and the language only, never on other articles. A key identifies; the name shown stays as the article wrote it.
 */
public final class EntityKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SLAVIC_ENDING = Pattern.compile("(?:iy|yi|yy|ij|ii)$");

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
