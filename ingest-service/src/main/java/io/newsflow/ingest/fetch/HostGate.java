package io.newsflow.ingest.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Politeness per host: one request at a time, and a pause between two of them (the configured delay, a longer
 * robots.txt Crawl-delay, or the Retry-After a 429 or 503 asked for). A caller that would wait longer than the limit
 * is told so instead, and tries again later; the request topic is keyed by host, so one member of the fetcher group
 * holds all of a host's requests and the gate of that member is the only one the host sees.
 */
final class HostGate {

    /** The host's turn would come too late; retry after {@link #wait()}. */
    static final class HostBusyException extends Exception {
        private final Duration wait;

        HostBusyException(String host, Duration wait) {
            super(host + " may not be asked again for " + wait.toMillis() + " ms");
            this.wait = wait;
        }

        Duration waitTime() {
            return wait;
        }
    }

    @FunctionalInterface
    interface Call<T, E extends Exception> {
        T run() throws E, InterruptedException;
    }

    private static final class Host {
        final ReentrantLock lock = new ReentrantLock(true);
        long nextAllowed = System.nanoTime();
    }

    private final Map<String, Host> hosts = new ConcurrentHashMap<>();
    private final Duration maxWait;

    HostGate(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /**
     * Runs the call in the host's turn, then keeps the host closed for {@code pause} (from the end of the call).
     */
    <T, E extends Exception> T inTurn(String host, Duration pause, Call<T, E> call)
            throws E, HostBusyException, InterruptedException {
        var state = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Host());
        if (!state.lock.tryLock(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new HostBusyException(host, maxWait);
        }
        try {
            var wait = state.nextAllowed - System.nanoTime();
            if (wait > maxWait.toNanos()) {
                throw new HostBusyException(host, Duration.ofNanos(wait));
            }
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            try {
                return call.run();
            } finally {
                state.nextAllowed = Math.max(state.nextAllowed, System.nanoTime() + pause.toNanos());
            }
        } finally {
            state.lock.unlock();
        }
    }

    /** Keeps the host closed for at least {@code wait} from now: its Retry-After. */
    void closeFor(String host, Duration wait) {
        var state = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Host());
        state.lock.lock();
        try {
            state.nextAllowed = Math.max(state.nextAllowed, System.nanoTime() + wait.toNanos());
        } finally {
            state.lock.unlock();
        }
    }
}
