package io.newsflow.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;

/** A page's meta tags by property, name, itemprop or http-equiv, keys lower-cased (pages write all of them). */
final class MetaTags {

    private final Map<String, List<String>> contents;

    private MetaTags(Map<String, List<String>> contents) {
        this.contents = contents;
    }

    static MetaTags of(Document document) {
        var contents = new HashMap<String, List<String>>();
        for (var meta : document.select("meta[content]")) {
            var content = meta.attr("content").strip();
            if (content.isEmpty()) {
                continue;
            }
            for (var attribute : List.of("property", "name", "itemprop", "http-equiv")) {
                var key = meta.attr(attribute).strip().toLowerCase(Locale.ROOT);
                if (!key.isEmpty()) {
                    contents.computeIfAbsent(key, k -> new ArrayList<>()).add(content);
                }
            }
        }
        return new MetaTags(contents);
    }

    Optional<String> first(String key) {
        return all(key).stream().findFirst();
    }

    List<String> all(String key) {
        return contents.getOrDefault(key, List.of());
    }
}
