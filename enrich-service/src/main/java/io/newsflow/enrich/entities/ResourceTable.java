package io.newsflow.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The rows of a tab-separated table on the class path, without blank lines and {@code #} comments. */
final class ResourceTable {

    private ResourceTable() {}

    static List<String[]> rows(String resource) {
        var rows = new ArrayList<String[]>();
        try (var in = Objects.requireNonNull(ResourceTable.class.getResourceAsStream(resource), resource);
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return rows;
    }
}
