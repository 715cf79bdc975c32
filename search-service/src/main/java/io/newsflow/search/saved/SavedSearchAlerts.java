package io.newsflow.search.saved;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.search.api.BadRequestException;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.indexing.ArticlesIndexed;
import io.newsflow.search.query.ArticleHit;
import io.newsflow.search.query.ArticleSearch;
import io.newsflow.search.query.SearchQuery;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live alerts: every open stream of a saved search gets, as a Server-Sent Event {@code article}, each newly indexed
 * article that matches it. After each indexed batch the new articles are checked against every open stream with one
 * query per stream restricted to their ids, off the indexing thread.
 *
 * <p>A stream of every saved search gets an {@code alert} per matching article and saved search. It keeps no saved
 * search in memory: they are read from their index after each batch, so that it follows searches saved or deleted
 * since it opened, at any instance of the service, and each batch costs one query per saved search however many such
 * streams are open.
 */
@Component
class SavedSearchAlerts {

    private static final Logger log = LoggerFactory.getLogger(SavedSearchAlerts.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final ArticleSearch search;
    private final ArticleIndex index;
    private final SavedSearchStore store;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    // each stream of every saved search, with the owner whose saved searches it follows
    private final Map<SseEmitter, String> everySavedSearch = new ConcurrentHashMap<>();
    // One thread: the checks of successive batches and the heartbeats never overlap, and each stream gets its
    // events in the order the batches were indexed.
    private final ThreadPoolTaskScheduler scheduler;

    SavedSearchAlerts(
            ArticleSearch search,
            ArticleIndex index,
            SavedSearchStore store,
            ThreadPoolTaskSchedulerBuilder schedulers,
            MeterRegistry registry) {
        this.search = search;
        this.index = index;
        this.store = store;
        this.scheduler = schedulers
                .poolSize(1)
                .threadNamePrefix("saved-search-alerts-")
                .customizers(s -> s.setDaemon(true))
                .build();
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(this::heartbeat, Instant.now().plus(HEARTBEAT), HEARTBEAT);
        Gauge.builder("newsflow.search.alert.streams", () -> subscriptions.size() + everySavedSearch.size())
                .description("Open live-alert streams, of one saved search or of all")
                .register(registry);
    }

    /** Called on the consumer's thread that indexed the batch: the check runs on this class's own thread. */
    @EventListener
    void onArticlesIndexed(ArticlesIndexed indexed) {
        if (subscriptions.isEmpty() && everySavedSearch.isEmpty()) {
            return;
        }
        try {
            scheduler.execute(() -> alert(indexed.articleIds()));
        } catch (TaskRejectedException stopping) {
            // the service is stopping and its streams are closed; the batch itself is indexed
            log.debug(
                    "No alerts for {} articles: the streams are closed",
                    indexed.articleIds().size());
        }
    }

    SseEmitter subscribe(SavedSearch saved, SearchQuery query, Duration timeout) throws IOException {
        var emitter = new SseEmitter(timeout.toMillis());
        var subscription = new Subscription(saved.id(), query, emitter);
        subscriptions.add(subscription);
        return opened(emitter, () -> subscriptions.remove(subscription), saved.id());
    }

    SseEmitter subscribeToEverySavedSearch(String owner, Duration timeout) throws IOException {
        var emitter = new SseEmitter(timeout.toMillis());
        everySavedSearch.put(emitter, owner);
        return opened(emitter, () -> everySavedSearch.remove(emitter), "*");
    }

    private static SseEmitter opened(SseEmitter emitter, Runnable forget, String subscribed) throws IOException {
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(e -> forget.run());
        // tells the client the subscription is live: every article indexed from now on is checked
        emitter.send(SseEmitter.event().name("subscribed").data(subscribed, MediaType.TEXT_PLAIN));
        return emitter;
    }

    private void alert(List<String> ids) {
        try {
            // the articles just indexed are searchable only after a refresh
            index.refreshAlias();
            for (var subscription : subscriptions) {
                for (var hit : search.matching(subscription.query(), ids)) {
                    send(
                            subscription.emitter(),
                            SseEmitter.event()
                                    .name("article")
                                    .id(hit.id() + ":" + hit.revision())
                                    .data(hit, MediaType.APPLICATION_JSON),
                            () -> subscriptions.remove(subscription));
                }
            }
            if (!everySavedSearch.isEmpty()) {
                alertEverySavedSearch(ids);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not check {} new articles against saved searches: {}", ids.size(), e.toString());
        }
    }

    private void alertEverySavedSearch(List<String> ids) {
        for (var saved : store.all()) {
            SearchQuery query;
            try {
                query = saved.toQuery();
            } catch (BadRequestException unreadable) {
                // saved under rules since tightened: it alerts nobody, and the others still do
                log.debug("Saved search {} is not a valid search any more: {}", saved.id(), unreadable.getMessage());
                continue;
            }
            for (var hit : search.matching(query, ids)) {
                var alert = new Alert(new Alert.Of(saved.id(), saved.name()), hit);
                // an event builder is spent once sent, so each stream gets its own
                everySavedSearch.forEach((emitter, owner) -> {
                    if (owner.equals(saved.owner())) {
                        send(
                                emitter,
                                SseEmitter.event()
                                        .name("alert")
                                        .id(saved.id() + ":" + hit.id() + ":" + hit.revision())
                                        .data(alert, MediaType.APPLICATION_JSON),
                                () -> everySavedSearch.remove(emitter));
                    }
                });
            }
        }
    }

    private void heartbeat() {
        subscriptions.forEach(subscription -> send(
                subscription.emitter(),
                SseEmitter.event().comment("heartbeat"),
                () -> subscriptions.remove(subscription)));
        everySavedSearch.forEach((emitter, owner) ->
                send(emitter, SseEmitter.event().comment("heartbeat"), () -> everySavedSearch.remove(emitter)));
    }

    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event, Runnable forget) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            forget.run();
        }
    }

    /**
     * A stream never ends by itself, and the web server's graceful shutdown would wait its whole timeout for each one
     * open: they end first (the context announces its closing before it stops anything), and dashboards reconnect.
     */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        scheduler.destroy();
        subscriptions.forEach(subscription -> subscription.emitter().complete());
        everySavedSearch.keySet().forEach(SseEmitter::complete);
    }

    private record Subscription(String savedSearchId, SearchQuery query, SseEmitter emitter) {}

    /** What a stream of every saved search tells: which saved search the new article matches. */
    record Alert(Of savedSearch, ArticleHit article) {

        record Of(String id, String name) {}
    }
}
