package io.resourcemanager.testkit.benchmark;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** A sorted sample of durations in nanoseconds with nearest-rank percentiles, for benchmark reports. */
public final class Distribution {

    private final long[] sorted;

    private Distribution(long[] sorted) {
        this.sorted = sorted;
    }

    /** A distribution of {@code nanos}. */
    public static Distribution ofNanos(Collection<Long> nanos) {
        long[] values = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(values);
        return new Distribution(values);
    }

    public int count() {
        return sorted.length;
    }

    /** The nearest-rank percentile {@code p} (0 < p ≤ 100); 0 when empty. */
    public long percentile(double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    public long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    public long min() {
        return sorted.length == 0 ? 0 : sorted[0];
    }

    /** How many values exceed {@code limit}. */
    public long countAbove(long limit) {
        return Arrays.stream(sorted).filter(value -> value > limit).count();
    }

    public double mean() {
        return sorted.length == 0 ? 0 : Arrays.stream(sorted).average().orElse(0);
    }

    /** "p50 / p90 / p99 / max" in seconds with three decimals. */
    public String secondsP50P90P99Max() {
        return sorted.length == 0 ? "n/a" : String.join(" / ", seconds(percentile(50)), seconds(percentile(90)),
                seconds(percentile(99)), seconds(max()));
    }

    /** "mean / p50 / p99 / max" in milliseconds with two decimals. */
    public String millisMeanP50P99Max() {
        return sorted.length == 0 ? "n/a" : String.join(" / ", millis(mean()), millis(percentile(50)),
                millis(percentile(99)), millis(max()));
    }

    public static String seconds(double nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    public static String millis(double nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
