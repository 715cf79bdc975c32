package io.newsflow.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
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
        try (var in = Objects.requireNonNull(EntityAliases.class.getResourceAsStream(RESOURCE), RESOURCE);
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                var canonical = new Canonical(columns[1], columns[0]);
                for (int i = 1; i < columns.length; i++) {
                    byKey.put(EntityKeys.of(columns[i]), canonical);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return Map.copyOf(byKey);
    }
}
