package io.resourcemanager.provisioner.domain.autoscale;

import java.time.Instant;

/**
 * Remembers since when a condition has held without interruption, from observations at successive
 * instants. The first observation that the condition holds starts the clock; the first that it does
 * not resets it. Not thread-safe: one observer per tracker.
 */
public final class ConditionTracker {

    private Instant since;

    /**
     * Records whether the condition holds at {@code now}.
     *
     * @return since when it has held continuously, or null when it does not hold
     */
    public Instant observe(boolean holds, Instant now) {
        if (!holds) {
            since = null;
        } else if (since == null || now.isBefore(since)) {
            since = now;
        }
        return since;
    }

    /** Since when the condition has held as last observed, or null. */
    public Instant since() {
        return since;
    }
}
