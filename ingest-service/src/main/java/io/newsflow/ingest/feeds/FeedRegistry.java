package io.newsflow.ingest.feeds;

import io.newsflow.ingest.IngestProperties;
import io.newsflow.ingest.Sha256;
import io.newsflow.ingest.http.AddressPolicy;
import io.newsflow.ingest.http.FetchException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Registers, lists, deletes and polls feeds on demand; the state lives in the {@link FeedStore}. */
@Service
class FeedRegistry {

    record Registration(FeedRecord feed, boolean created) {}

    private final FeedStore store;
    private final FeedScheduler scheduler;
    private final AddressPolicy policy;
    private final Clock clock;
    private final Duration defaultInterval;

    FeedRegistry(
            FeedStore store,
            FeedScheduler scheduler,
            AddressPolicy feedAddressPolicy,
            Clock feedClock,
            IngestProperties properties) {
        this.store = store;
        this.scheduler = scheduler;
        this.policy = feedAddressPolicy;
        this.clock = feedClock;
        this.defaultInterval = properties.ingest().feeds().defaultPollInterval();
    }

    /**
     * Registers a feed, or returns the one already registered for the same URL: the id is derived from the URL, so
     * registering twice (on any instance) gives one feed.
     *
     * @throws FetchException when the URL is refused by the address policy
     */
    Registration register(URI url, Duration pollInterval, String sourceName) throws FetchException {
        try {
            policy.check(url);
        } catch (FetchException e) {
            if (e.reason() == FetchException.Reason.REFUSED) {
                throw e;
            }
            // An unknown host may resolve later; the poller checks again on every poll.
        }
        var id = idOf(url);
        var existing = store.find(id);
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        var now = clock.instant();
        var feed = FeedRecord.registered(
                id, url.toString(), sourceName, pollInterval == null ? defaultInterval : pollInterval, now);
        return new Registration(store.save(feed), true);
    }

    List<FeedRecord> list() {
        return store.all().stream()
                .sorted(Comparator.comparing(FeedRecord::registeredAt).thenComparing(FeedRecord::id))
                .toList();
    }

    Optional<FeedRecord> find(String id) {
        return store.find(id);
    }

    boolean delete(String id) {
        if (store.find(id).isEmpty()) {
            return false;
        }
        store.delete(id);
        return true;
    }

    /**
     * Polls the feed now if this instance owns it; otherwise records the request on the feed, and its owner polls
     * it within one check interval.
     *
     * @return the feed after the poll (polled here), or the feed with the request recorded (polled by its owner)
     */
    Optional<PollNow> pollNow(String id) {
        if (store.find(id).isEmpty()) {
            return Optional.empty();
        }
        var polled = scheduler.pollNowIfOwned(id);
        if (polled.isPresent()) {
            return Optional.of(new PollNow(polled.get(), true));
        }
        return store.find(id).map(feed -> new PollNow(store.save(feed.withPollRequested(clock.instant())), false));
    }

    record PollNow(FeedRecord feed, boolean polled) {}

    static String idOf(URI url) {
        return Sha256.hex(url.normalize().toString(), 8);
    }
}
