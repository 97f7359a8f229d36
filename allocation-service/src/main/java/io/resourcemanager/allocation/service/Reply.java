package io.resourcemanager.allocation.service;

import java.util.Map;

/**
 * The answer of an operation, shared by REST and MCP.
 *
 * @param outcome how the operation ended
 * @param body the JSON body of the contract (SPEC §1)
 */
public record Reply(Outcome outcome, Map<String, Object> body) {

    /** How an operation ended. */
    public enum Outcome {
        /** The ledger decided (granted, failed, queued, released, ...). */
        DECIDED,
        /** Accepted, but the decision did not arrive within the wait; poll the allocation. */
        PENDING,
        /** No such allocation. */
        NOT_FOUND
    }
}
