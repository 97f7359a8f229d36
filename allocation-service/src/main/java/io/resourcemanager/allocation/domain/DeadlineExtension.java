package io.resourcemanager.allocation.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the ledger decides about moving an allocation's deadline later (a TTL extension granted by the
 * TTL service). Only an active allocation is extended, and only to a deadline later than its current
 * one; anything else changes nothing, so a repeated or out-of-date extension is harmless.
 */
public sealed interface DeadlineExtension {

    /**
     * Decides an extension of {@code current} to {@code newDeadline}.
     *
     * @param allocationId the allocation the extension is for
     * @param current the live allocation with that id, or null if it is unknown or already finished
     * @param newDeadline the deadline asked for
     */
    static DeadlineExtension decide(String allocationId, Allocation current, Instant newDeadline) {
        Objects.requireNonNull(newDeadline, "newDeadline");
        if (current == null) {
            return new Unchanged("allocation " + allocationId + " is not live (unknown or finished)");
        }
        if (current.status() != AllocationStatus.ACTIVE) {
            return new Unchanged("allocation " + allocationId + " is " + current.status().label() + ", not active");
        }
        Instant previous = current.deadline();
        if (previous == null) {
            return new Unchanged("allocation " + allocationId + " has no activation time, so no deadline");
        }
        if (!newDeadline.isAfter(previous)) {
            return new Unchanged("new deadline " + newDeadline + " is not later than the current " + previous);
        }
        return new Extended(new LedgerEvent.DeadlineExtended(current.withDeadline(newDeadline), previous));
    }

    /** The deadline moved later; {@code event} carries the allocation with its new TTL. */
    record Extended(LedgerEvent.DeadlineExtended event) implements DeadlineExtension {
    }

    /** Nothing changed, and why. */
    record Unchanged(String reason) implements DeadlineExtension {
    }
}
