package io.resourcemanager.provisioner.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Durations of one measure with nearest-rank percentiles. Not thread-safe: filled by one thread. */
final class LatencySample {

    private final List<Duration> values = new ArrayList<>();

    /** Adds one duration. */
    void add(Duration value) {
        values.add(value);
    }

    /** How many durations were added. */
    int count() {
        return values.size();
    }

    /** The nearest-rank percentile {@code p} (0 < p ≤ 100), or null when the sample is empty. */
    Duration percentile(double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    /** The smallest duration, or null when the sample is empty. */
    Duration min() {
        return values.isEmpty() ? null : Collections.min(values);
    }

    /** The largest duration, or null when the sample is empty. */
    Duration max() {
        return values.isEmpty() ? null : Collections.max(values);
    }

    /** "p50 / p99" in seconds, or "n/a". */
    String p50p99() {
        return values.isEmpty() ? "n/a" : seconds(percentile(50)) + " / " + seconds(percentile(99));
    }

    /** "p50 / p99 / max" in seconds, or "n/a". */
    String p50p99max() {
        return values.isEmpty() ? "n/a" : p50p99() + " / " + seconds(max());
    }

    /** How many durations exceed {@code limit}. */
    long countAbove(Duration limit) {
        return values.stream().filter(value -> value.compareTo(limit) > 0).count();
    }

    /** "p50 / max" in seconds, or "n/a". */
    String p50max() {
        return values.isEmpty() ? "n/a" : seconds(percentile(50)) + " / " + seconds(max());
    }

    /** Seconds with three decimals, or "n/a" for null. */
    static String seconds(Duration duration) {
        return duration == null ? "n/a" : String.format(Locale.ROOT, "%.3f s", duration.toNanos() / 1e9);
    }

    /** Every value in seconds with two decimals, in the order added. */
    String list() {
        return String.join(", ", values.stream()
                .map(value -> String.format(Locale.ROOT, "%.2f", value.toNanos() / 1e9)).toList());
    }
}
