package io.newsflow.infra.stack;

import io.newsflow.infra.InfraException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Starts several processes at once and returns when each has started: the three brokers of a cluster must (a node
 * answers only once two of them form the quorum), the three services may.
 */
final class SideBySide {

    private SideBySide() {}

    static <T> void start(List<T> each, Consumer<T> start) {
        try (var executor = Executors.newFixedThreadPool(Math.max(1, each.size()))) {
            List<Future<?>> starts = new ArrayList<>();
            for (T item : each) {
                starts.add(executor.submit(() -> start.accept(item)));
            }
            for (Future<?> started : starts) {
                started.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof InfraException infra
                    ? infra
                    : new InfraException("Starting Newsflow failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("Starting Newsflow failed: " + e, e);
        }
    }
}
