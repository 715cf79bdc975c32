package io.newsflow.enrich.language;

import java.util.HashMap;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Stopwords and stemming of one language. Thread-safe: the stemmers Lucene ships keep state, so each thread gets its
 * own.
 */
public final class TermAnalyzer {

    // A stem is a function of the word alone and news repeats its words: each thread keeps the stems it has made, up
    // to this many words per language (a bound on memory, cleared when reached).
    private static final int STEM_LIMIT = 20_000;

    private final String language;
    private final Predicate<String> stopwords;
    private final ThreadLocal<UnaryOperator<String>> stemmer;

    TermAnalyzer(String language, Predicate<String> stopwords, Supplier<UnaryOperator<String>> stemmer) {
        this.language = language;
        this.stopwords = stopwords;
        this.stemmer = ThreadLocal.withInitial(() -> remembering(stemmer.get()));
    }

    private static UnaryOperator<String> remembering(UnaryOperator<String> stemmer) {
        var stems = new HashMap<String, String>();
        return word -> {
            String stem = stems.get(word);
            if (stem == null) {
                if (stems.size() >= STEM_LIMIT) {
                    stems.clear();
                }
                stem = stemmer.apply(word);
                stems.put(word, stem);
            }
            return stem;
        };
    }

    public String language() {
        return language;
    }

    /** The lower-case form used for stopword tests and stemming (possessive "'s" removed). */
    public static String normalise(String token) {
        var lower = token.toLowerCase(Locale.ROOT).replace('’', '\'');
        return lower.endsWith("'s") ? lower.substring(0, lower.length() - 2) : lower;
    }

    /** @param normalised a token as {@link #normalise} returns it */
    public boolean isStopword(String normalised) {
        return stopwords.test(normalised);
    }

    /** @param normalised a token as {@link #normalise} returns it */
    public String stem(String normalised) {
        return stemmer.get().apply(normalised);
    }
}
