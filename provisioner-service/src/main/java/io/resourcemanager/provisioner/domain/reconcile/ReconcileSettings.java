package io.resourcemanager.provisioner.domain.reconcile;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient the reconciler is.
 *
 * @param orphanGrace how long a VM of ours may go without a Ready node (it may be booting) before it
 *        is removed, or before a node that never turns Ready is flagged
 */
public record ReconcileSettings(Duration orphanGrace) {

    public ReconcileSettings {
        Objects.requireNonNull(orphanGrace, "orphanGrace");
        if (orphanGrace.isNegative()) {
            throw new IllegalArgumentException("orphanGrace must not be negative, was " + orphanGrace);
        }
    }

    /** A grace of 10 minutes: well beyond the 7 minutes a provision may spend between start and Ready. */
    public static ReconcileSettings defaults() {
        return new ReconcileSettings(Duration.ofMinutes(10));
    }
}
