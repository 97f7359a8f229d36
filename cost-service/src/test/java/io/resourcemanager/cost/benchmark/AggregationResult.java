package io.resourcemanager.cost.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What one run measured, filled in by {@link AggregationRun} phase by phase: fields stay null (or empty)
 * from the phase it stopped at on.
 */
final class AggregationResult {

    final AggregationSettings settings;
    String stoppedAt;
    RollupWatch watch;
    UsageLoad load;
    Footprint before;
    Footprint afterThroughput;
    Footprint afterLag;
    Footprint afterMemory;
    Footprint closed;

    Instant produceStarted;
    Instant produced;
    Instant appStarted;
    Instant running;
    Instant aggregated;
    long throughputRollups;
    Map<String, UsageLoad.Total> throughputExpected = Map.of();
    Map<String, UsageLoad.Total> throughputMismatches;

    SteadyLoad.Sent steady;
    long lagRollups;
    Map<String, UsageLoad.Total> lagExpected = Map.of();
    Map<String, UsageLoad.Total> lagMismatches;

    Instant memoryStarted;
    Instant memoryProduced;
    Instant memoryAggregated;
    long memoryRollups;
    long rollupEntries = -1;
    Map<String, UsageLoad.Total> memoryExpected = Map.of();
    Map<String, UsageLoad.Total> memoryMismatches;

    Map<String, UsageLoad.Total> allExpected = Map.of();
    Map<String, UsageLoad.Total> finalMismatches;

    AggregationResult(AggregationSettings settings) {
        this.settings = settings;
    }

    boolean complete() {
        return stoppedAt == null;
    }

    /** True when every phase finished, every total was exact each time it was checked and no send failed. */
    boolean passed() {
        return complete() && exact(throughputMismatches) && exact(lagMismatches) && exact(memoryMismatches)
                && exact(finalMismatches) && load != null && load.failures() == 0;
    }

    static boolean exact(Map<String, UsageLoad.Total> mismatches) {
        return mismatches != null && mismatches.isEmpty();
    }

    /** Events per second over the span from {@code from} to {@code to}. */
    static double rate(long events, Instant from, Instant to) {
        return events / Math.max(1e-3, seconds(from, to));
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
