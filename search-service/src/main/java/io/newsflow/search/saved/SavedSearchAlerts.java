package io.newsflow.search.saved;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.index.ArticleSearch;
import io.newsflow.search.index.IndexedArticles;
import io.newsflow.search.index.SearchQuery;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live alerts: every open stream of a saved search gets, as a Server-Sent Event {@code article}, each newly indexed
 * article that matches it. After each indexed batch the new articles are checked against every open stream with one
 * query per stream restricted to their ids, off the indexing thread.
 */
@Component
class SavedSearchAlerts {

    private static final Logger log = LoggerFactory.getLogger(SavedSearchAlerts.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final ArticleSearch search;
    private final ArticleIndex index;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("saved-search-alerts").daemon().factory());

    SavedSearchAlerts(ArticleSearch search, ArticleIndex index, IndexedArticles indexed, MeterRegistry registry) {
        this.search = search;
        this.index = index;
        indexed.subscribe(ids -> {
            if (!subscriptions.isEmpty()) {
                executor.execute(() -> alert(ids));
            }
        });
        executor.scheduleWithFixedDelay(
                this::heartbeat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
        registry.gaugeCollectionSize("newsflow.search.alert.streams", List.of(), subscriptions);
    }

    SseEmitter subscribe(SavedSearch saved, SearchQuery query, Duration timeout) throws IOException {
        var emitter = new SseEmitter(timeout.toMillis());
        var subscription = new Subscription(saved.id(), query, emitter);
        subscriptions.add(subscription);
        emitter.onCompletion(() -> subscriptions.remove(subscription));
        emitter.onTimeout(() -> subscriptions.remove(subscription));
        emitter.onError(e -> subscriptions.remove(subscription));
        // tells the client the subscription is live: every article indexed from now on is checked
        emitter.send(SseEmitter.event().name("subscribed").data(saved.id(), MediaType.TEXT_PLAIN));
        return emitter;
    }

    private void alert(List<String> ids) {
        try {
            // the articles just indexed are searchable only after a refresh
            index.refreshAlias();
            for (var subscription : subscriptions) {
                for (var hit : search.matching(subscription.query(), ids)) {
                    send(
                            subscription,
                            SseEmitter.event()
                                    .name("article")
                                    .id(hit.id() + ":" + hit.revision())
                                    .data(hit, MediaType.APPLICATION_JSON));
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not check {} new articles against saved searches: {}", ids.size(), e.toString());
        }
    }

    private void heartbeat() {
        subscriptions.forEach(
                subscription -> send(subscription, SseEmitter.event().comment("heartbeat")));
    }

    private void send(Subscription subscription, SseEmitter.SseEventBuilder event) {
        try {
            subscription.emitter().send(event);
        } catch (IOException | IllegalStateException gone) {
            subscriptions.remove(subscription);
        }
    }

    /**
     * A stream never ends by itself, and the web server's graceful shutdown would wait its whole timeout for each one
     * open: they end first (the context announces its closing before it stops anything), and dashboards reconnect.
     */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        executor.shutdownNow();
        subscriptions.forEach(subscription -> subscription.emitter().complete());
    }

    private record Subscription(String savedSearchId, SearchQuery query, SseEmitter emitter) {}
}
