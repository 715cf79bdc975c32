package io.newsflow.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The one bounded wait of the local tooling. It runs in the {@code newsflow} command's JVM, whose class path is this
 * jar and Jackson (target/cli.classpath), so Awaitility (the tests' choice) is not there to do it.
 */
public final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(250);

    private Poll() {}

    /** Checks the condition until it holds (true) or the timeout has passed (false). */
    public static boolean until(BooleanSupplier condition, Duration timeout) {
        return until(condition, timeout, INTERVAL);
    }

    /** As {@link #until(BooleanSupplier, Duration)}, checking every {@code interval}: for a condition that costs. */
    public static boolean until(BooleanSupplier condition, Duration timeout, Duration interval) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfraException("Interrupted while waiting", e);
            }
        }
        return true;
    }
}
