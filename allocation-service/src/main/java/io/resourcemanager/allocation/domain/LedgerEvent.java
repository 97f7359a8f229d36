package io.resourcemanager.allocation.domain;

import java.time.Instant;

/** What the ledger decided; each one becomes an event and a new allocation state. */
public sealed interface LedgerEvent {

    /** The allocation as it is after the decision. */
    Allocation allocation();

    /** Capacity was granted and every worker slot placed. */
    record Granted(Allocation allocation) implements LedgerEvent {
    }

    /**
     * The allocation waits for capacity.
     *
     * @param position 1-based position within its priority's queue
     * @param reason why it could not be granted now
     * @param countsAsDemand whether the autoscaler should add capacity for it
     */
    record Queued(Allocation allocation, int position, String reason, boolean countsAsDemand) implements LedgerEvent {
    }

    /** A waiting allocation moved up its queue. */
    record QueuePositionChanged(Allocation allocation, int position) implements LedgerEvent {
    }

    /** The request was refused; the allocation is kept in state failed with the reason. */
    record Rejected(Allocation allocation) implements LedgerEvent {
    }

    /** The allocation was released and what it held freed. */
    record Released(Allocation allocation, Resources freed, int workersReleased, Instant releasedAt)
            implements LedgerEvent {
    }

    /** The allocation's TTL ran out and what it held was freed. */
    record Expired(Allocation allocation, Resources freed) implements LedgerEvent {
    }

    /** The allocation lost its capacity to a higher priority or a lost node. */
    record Preempted(Allocation allocation, String reason, String preemptedBy, Resources freed) implements LedgerEvent {
    }

    /**
     * The allocation's deadline moved later (a TTL extension); its TTL now reaches the new deadline.
     *
     * @param previousDeadline the deadline before the extension
     */
    record DeadlineExtended(Allocation allocation, Instant previousDeadline) implements LedgerEvent {
    }

    /** Workers of the allocation moved to other nodes after their node stopped counting. */
    record Moved(Allocation allocation) implements LedgerEvent {
    }
}
