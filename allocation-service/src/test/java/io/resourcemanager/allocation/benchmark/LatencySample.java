package io.resourcemanager.allocation.benchmark;

import java.time.Duration;
import java.util.Arrays;

/** End-to-end latencies of one phase, in nanoseconds, with nearest-rank percentiles. Thread-safe. */
final class LatencySample {

    private static final int INITIAL_CAPACITY = 1 << 12;

    private long[] values = new long[INITIAL_CAPACITY];
    private int size;

    /** Adds one latency. */
    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** How many latencies were added. */
    synchronized int count() {
        return size;
    }

    /** The nearest-rank percentile {@code p} (0 < p ≤ 100), or null when the sample is empty. */
    synchronized Duration percentile(double p) {
        if (size == 0) {
            return null;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return Duration.ofNanos(sorted[Math.max(0, Math.min(size, rank) - 1)]);
    }
}
