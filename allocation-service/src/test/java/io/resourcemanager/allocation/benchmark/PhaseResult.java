package io.resourcemanager.allocation.benchmark;

import java.time.Duration;

/**
 * What one measured phase sent and how the ledger answered.
 *
 * @param sent the records sent
 * @param answered how many of them were answered before the timeout
 * @param lastAnswerNanos {@link System#nanoTime()} of the last answer
 * @param latencies end-to-end latency of each answered record
 */
record PhaseResult(LoadGenerator.Sent sent, long answered, long lastAnswerNanos, LatencySample latencies) {

    /** Whether every record sent was answered. */
    boolean complete() {
        return answered >= sent.requests();
    }

    /** From the first send to the last answer. */
    long elapsedNanos() {
        return lastAnswerNanos - sent.firstSendNanos();
    }

    /** Answers per second over the phase, from the first send to the last answer. */
    double decisionsPerSecond() {
        long elapsed = elapsedNanos();
        return elapsed <= 0 ? Double.NaN : answered * 1e9 / elapsed;
    }

    /** The nearest-rank latency percentile {@code p}, or null if nothing was answered. */
    Duration latency(double p) {
        return latencies.percentile(p);
    }
}
