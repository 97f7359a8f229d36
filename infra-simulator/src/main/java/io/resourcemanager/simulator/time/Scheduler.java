package io.resourcemanager.simulator.time;

import java.time.Duration;

/**
 * Runs work later, so a simulated latency never blocks the caller that triggered it.
 * Implementations are thread-safe.
 */
public interface Scheduler {

    /** Runs {@code task} once, after {@code delay}. */
    void schedule(Duration delay, Runnable task);

    /** Runs {@code task} every {@code period}, the first time one period from now, until cancelled. */
    Cancellable repeat(Duration period, Runnable task);

    /** Stops repeating work. */
    @FunctionalInterface
    interface Cancellable {

        /** Stops future runs; a run in progress completes. */
        void cancel();
    }
}
