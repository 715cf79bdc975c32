package io.newsflow.ingest.feeds;

import io.newsflow.ingest.IngestProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Polls the feeds this instance owns when they are due, each feed at most once at a time, on virtual threads (a poll
 * mostly waits on the network), at most {@code max-concurrent-polls} at once.
 */
@Component
class FeedScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);

    private final FeedStore store;
    private final FeedPoller poller;
    private final Clock clock;
    // A stop waits this long for the polls in flight, then lets the process end without them: a poll cut short saves
    // no state, so the feed's next owner polls it again and the ledger finds its published items duplicates. The
    // web server's drain comes after it, in the same termination grace period.
    private static final Duration POLLS_TERMINATION = Duration.ofSeconds(5);

    private final Duration check;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final int maxConcurrentPolls;

    private ThreadPoolTaskScheduler ticker;
    private SimpleAsyncTaskExecutor polls;
    private volatile boolean running;

    FeedScheduler(FeedStore store, FeedPoller poller, Clock feedClock, IngestProperties properties) {
        this.store = store;
        this.poller = poller;
        this.clock = feedClock;
        this.check = properties.ingest().feeds().checkInterval();
        this.maxConcurrentPolls = properties.ingest().feeds().maxConcurrentPolls();
    }

    /**
     * Polls the feed now when this instance owns it and no poll of it is running.
     *
     * @return the feed after the poll, or empty when another instance owns it or a poll is already running
     */
    Optional<FeedRecord> pollNowIfOwned(String id) {
        if (!running || !store.owns(id) || !inFlight.add(id)) {
            return Optional.empty();
        }
        try {
            return pollAndSave(id);
        } finally {
            inFlight.remove(id);
        }
    }

    private void tick() {
        try {
            var now = clock.instant();
            for (var feed : store.owned()) {
                if (inFlight.size() >= maxConcurrentPolls) {
                    break;
                }
                if (feed.isDue(now) && inFlight.add(feed.id())) {
                    polls.execute(() -> {
                        try {
                            pollAndSave(feed.id());
                        } finally {
                            inFlight.remove(feed.id());
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            log.error("Feed scheduling failed; retrying at the next check", e);
        }
    }

    private Optional<FeedRecord> pollAndSave(String id) {
        var feed = store.find(id);
        if (feed.isEmpty()) {
            return Optional.empty();
        }
        var status = poller.poll(feed.get()).withPollRequestsHandled(feed.get().pollRequests());
        // Re-read: the feed may have been deleted, or asked to be polled, while we were polling.
        var current = store.find(id);
        if (current.isEmpty()) {
            log.info("Feed {} was deleted during its poll; its state is dropped", id);
            return Optional.empty();
        }
        try {
            return Optional.of(store.save(current.get().withStatus(status)));
        } catch (FeedStoreException e) {
            log.warn("Feed {} polled but its state was not saved: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void start() {
        polls = new SimpleAsyncTaskExecutor("feed-poll-");
        polls.setVirtualThreads(true);
        // stop() waits for the polls in flight, so that their state is saved before the store closes.
        polls.setTaskTerminationTimeout(POLLS_TERMINATION.toMillis());
        ticker = new ThreadPoolTaskScheduler();
        ticker.setThreadNamePrefix("feeds-scheduler-");
        ticker.setDaemon(true);
        ticker.initialize();
        ticker.scheduleWithFixedDelay(this::tick, ticker.getClock().instant().plus(check), check);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        ticker.shutdown();
        polls.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
