package io.newsflow.search.index;

import java.util.Map;

/**
 * The languages whose articles get a stemmed copy of their title and text under {@code stemmed.<language>}, with the
 * analyzer the mapping declares for it where the node has language analyzers. The mapping, the documents and the
 * queries all follow this one list.
 */
public final class LanguageAnalyzers {

    /** Analyzer by ISO 639-1 language code. */
    public static final Map<String, String> BY_LANGUAGE = Map.of(
            "en", "english",
            "de", "german",
            "fr", "french",
            "es", "spanish",
            "it", "italian",
            "nl", "dutch",
            "pt", "portuguese");

    private LanguageAnalyzers() {}
}
