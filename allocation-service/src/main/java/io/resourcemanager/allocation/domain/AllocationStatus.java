package io.resourcemanager.allocation.domain;

import java.util.Locale;

/** Lifecycle state of an allocation. */
public enum AllocationStatus {
    PENDING, QUEUED, ACTIVE, RELEASING, RELEASED, FAILED, EXPIRED, PREEMPTED;

    /** Whether the allocation holds capacity. */
    public boolean holdsCapacity() {
        return this == ACTIVE;
    }

    /** Whether nothing more will happen to the allocation. */
    public boolean isFinal() {
        return this == RELEASED || this == FAILED || this == EXPIRED || this == PREEMPTED;
    }

    /** The lower-case name used by the APIs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
