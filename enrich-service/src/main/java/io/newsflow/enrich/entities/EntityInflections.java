package io.newsflow.enrich.entities;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The German genitive forms of names that are that name in every article ({@code de-nl-inflections.tsv}): "Deutschlands"
 * is Deutschland, "Völkerbundes" the Völkerbund, "Matteottis" Matteotti. A final s cannot simply be dropped (Paris,
 * Hans, Texas, Athens), so only the pairs the German Europeana newspapers tag with one type as both X and X+s/X+es, X
 * the usual form, are listed ({@code ./newsflow build-inflections}, see {@code InflectionTable} in enrich-lab).
 * Dutch has no entries: its -s pairs there are patronymic surnames (Janssen, Janssens) and plurals, not genitives.
 * A German name that is a name of the alias table plus -s or -es is that name too ("Kiews", alias Kiew of Kyiv). Other
 * inflected forms fold only inside an article, onto a base form the same article uses ({@link MentionMerger}).
 */
final class EntityInflections {

    static final String RESOURCE = "/entities/de-nl-inflections.tsv";

    /** Per language, the key of each listed inflected form and the length of its ending ("s" 1, "es" 2). */
    private static final Map<String, Map<String, Integer>> ENDINGS = load();

    private EntityInflections() {}

    /**
     * The name without its genitive ending when the table lists it for the language, or, in German, when without it
     * the name is one the alias table knows ("Kiews" is Kiew); else the name as written.
     */
    static String base(String name, String language) {
        String stripped = name.stripTrailing();
        Integer ending = ENDINGS.getOrDefault(language, Map.of()).get(EntityKeys.of(stripped));
        if (ending != null) {
            return stripped.substring(0, stripped.length() - ending);
        }
        if (language.equals("de") && EntityAliases.of(stripped).isEmpty()) {
            for (String genitive : List.of("es", "s")) {
                String candidate = stripped.substring(0, Math.max(0, stripped.length() - genitive.length()));
                if (stripped.toLowerCase(Locale.ROOT).endsWith(genitive)
                        && candidate.length() >= 3
                        && EntityAliases.of(candidate).isPresent()) {
                    return candidate;
                }
            }
        }
        return name;
    }

    private static Map<String, Map<String, Integer>> load() {
        var byLanguage = new HashMap<String, Map<String, Integer>>();
        for (String[] columns : ResourceTable.rows(RESOURCE)) {
            // language, type, base, inflected form, and how often the corpus tagged each
            String base = columns[2];
            String inflected = columns[3];
            if (!inflected.startsWith(base) || inflected.length() - base.length() > 2) {
                throw new IllegalStateException(RESOURCE + ": not an inflected form: " + String.join("\t", columns));
            }
            byLanguage
                    .computeIfAbsent(columns[0], l -> new HashMap<>())
                    .put(EntityKeys.of(inflected), inflected.length() - base.length());
        }
        var copy = new HashMap<String, Map<String, Integer>>();
        byLanguage.forEach((language, endings) -> copy.put(language, Map.copyOf(endings)));
        return Map.copyOf(copy);
    }
}
