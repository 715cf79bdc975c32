package io.newsflow.search.saved;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.search.index.ArticleIndex;
import io.newsflow.search.indexing.ArticlesIndexed;
import io.newsflow.search.query.ArticleSearch;
import io.newsflow.search.query.SearchQuery;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 */
@Component
class SavedSearchAlerts {

    private static final Logger log = LoggerFactory.getLogger(SavedSearchAlerts.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final ArticleSearch search;
    private final ArticleIndex index;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    // One thread: the checks of successive batches and the heartbeats never overlap, and each stream gets its
    // events in the order the batches were indexed.
    private final ThreadPoolTaskScheduler scheduler;

    SavedSearchAlerts(
            ArticleSearch search,
            ArticleIndex index,
            ThreadPoolTaskSchedulerBuilder schedulers,
            MeterRegistry registry) {
        this.search = search;
        this.index = index;
        this.scheduler = schedulers
                .poolSize(1)
                .threadNamePrefix("saved-search-alerts-")
                .customizers(s -> s.setDaemon(true))
                .build();
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(this::heartbeat, Instant.now().plus(HEARTBEAT), HEARTBEAT);
        registry.gaugeCollectionSize("newsflow.search.alert.streams", List.of(), subscriptions);
    }

    /** Called on the consumer's thread that indexed the batch: the check runs on this class's own thread. */
    @EventListener
    void onArticlesIndexed(ArticlesIndexed indexed) {
        if (subscriptions.isEmpty()) {
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
        scheduler.destroy();
        subscriptions.forEach(subscription -> subscription.emitter().complete());
    }

    private record Subscription(String savedSearchId, SearchQuery query, SseEmitter emitter) {}
}
