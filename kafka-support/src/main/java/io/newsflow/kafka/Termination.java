package io.newsflow.kafka;

import sun.misc.Signal;

/**
 * How a service ends when it is asked to (SIGTERM: Kubernetes, compose, systemd, {@code kill}). The JVM runs its
 * shutdown hooks on SIGTERM, Spring Boot's among them, which stops the web server gracefully and the listener
 * containers after their records in hand; but it then exits with 143 (128 + the signal), which Kubernetes shows as
 * {@code Error} and systemd counts as a failure. A stop that was asked for and done is a success: exit 0.
 */
public final class Termination {

    private Termination() {}

    /** Called first in a service's {@code main}; a SIGKILL or a failed start keep their non-zero statuses. */
    public static void exitZeroOnSigterm() {
        // System.exit runs the same shutdown hooks the JVM's own SIGTERM handler would run, then exits with 0.
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
    }
}
