package io.newsflow.search.index;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** Tells whoever listens in this process which articles were just indexed (live alerts of saved searches). */
@Component
public class IndexedArticles {

    private final List<Consumer<List<String>>> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<List<String>> listener) {
        listeners.add(listener);
    }

    void published(List<String> articleIds) {
        if (!articleIds.isEmpty()) {
            listeners.forEach(listener -> listener.accept(articleIds));
        }
    }
}
