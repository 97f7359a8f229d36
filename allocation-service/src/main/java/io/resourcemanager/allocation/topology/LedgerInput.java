package io.resourcemanager.allocation.topology;

import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.state.NodeUpdate;

/** What the ledger of a cluster reads, in order: requests and node changes of that cluster. */
sealed interface LedgerInput {

    /** A request from {@code rm.allocation.requests}. */
    record Request(AllocationRequestEnvelope envelope) implements LedgerInput {
    }

    /** A node of the cluster changed or left. */
    record Node(NodeUpdate update) implements LedgerInput {
    }
}
