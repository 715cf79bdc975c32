package io.newsflow.enrich.entities;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Names that mean one entity ({@code aliases.tsv} beside the model): "U.S.", "US", "USA" and "United States" are the
 * United States. Each entry also gives the entity's usual type, which settles a type the article leaves open.
 */
final class EntityAliases {

    static final String RESOURCE = "/entities/aliases.tsv";

    record Canonical(String name, String type) {}

    private static final Map<String, Canonical> BY_KEY = load();

    private EntityAliases() {}

    /** The entity a name is an alias of (the canonical name itself included), by the name's key. */
    static Optional<Canonical> of(String name) {
        return Optional.ofNullable(BY_KEY.get(EntityKeys.of(name)));
    }

    private static Map<String, Canonical> load() {
        var byKey = new HashMap<String, Canonical>();
        for (String[] columns : ResourceTable.rows(RESOURCE)) {
            var canonical = new Canonical(columns[1], columns[0]);
            for (int i = 1; i < columns.length; i++) {
                byKey.put(EntityKeys.of(columns[i]), canonical);
            }
        }
        return Map.copyOf(byKey);
    }
}
