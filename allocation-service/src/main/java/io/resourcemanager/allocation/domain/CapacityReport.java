package io.resourcemanager.allocation.domain;

import java.util.Map;

/**
 * Capacity of one cluster as the ledger sees it.
 *
 * @param total allocatable resources of the nodes that count (Ready, schedulable, healthy)
 * @param allocated what active allocations hold
 * @param totalWorkers worker slots: default-shaped slots that fit on those nodes, capped by max-workers
 * @param allocatedWorkers worker slots held by active allocations
 * @param activeAllocations number of active allocations
 * @param mcpServerReferences active references per MCP server (a server runs while referenced)
 * @param pools the same per pool
 */
public record CapacityReport(Resources total, Resources allocated, int totalWorkers, int allocatedWorkers,
                             int activeAllocations, Map<String, Integer> mcpServerReferences,
                             Map<String, PoolCapacity> pools) {

    /** What is left: total less allocated, never negative. */
    public Resources available() {
        return total.minus(allocated);
    }

    /** Worker slots left, never negative. */
    public int availableWorkers() {
        return Math.max(0, totalWorkers - allocatedWorkers);
    }

    /**
     * Capacity of one pool.
     *
     * @param total allocatable resources of its nodes that count
     * @param allocated what active allocations hold on them
     * @param nodes number of its nodes that count
     */
    public record PoolCapacity(Resources total, Resources allocated, int nodes) {

        public Resources available() {
            return total.minus(allocated);
        }
    }
}
