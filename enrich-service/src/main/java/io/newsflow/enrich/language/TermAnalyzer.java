package io.newsflow.enrich.language;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Stopwords and stemming of one language. Thread-safe: the stemmers Lucene ships keep state, so each thread gets its
 * own.
 */
public final class TermAnalyzer {

    private final String language;
    private final Predicate<String> stopwords;
    private final ThreadLocal<UnaryOperator<String>> stemmer;

    TermAnalyzer(String language, Predicate<String> stopwords, Supplier<UnaryOperator<String>> stemmer) {
        this.language = language;
        this.stopwords = stopwords;
        this.stemmer = ThreadLocal.withInitial(stemmer);
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
