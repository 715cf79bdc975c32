package io.newsflow.infra.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a sample of durations in milliseconds. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(Collection<Long> millis) {
        this.sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    int size() {
        return sorted.length;
    }

    /** The smallest value that at least {@code p} percent of the sample are at or below; -1 for an empty sample. */
    long at(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("a percentile is in (0, 100], not " + p);
        }
        if (sorted.length == 0) {
            return -1;
        }
        var rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    long[] sorted() {
        return Arrays.copyOf(sorted, sorted.length);
    }
}
