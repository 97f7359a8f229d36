package io.resourcemanager.allocation.domain;

import java.util.Objects;

/**
 * What one worker node offers to allocations.
 *
 * @param node node name
 * @param pool worker pool the node belongs to
 * @param cpuMillis allocatable CPU in millicores
 * @param memoryMb allocatable memory in MiB
 * @param gpu allocatable GPUs
 * @param ready whether the node reports Ready
 * @param schedulable whether the node accepts new work (not cordoned)
 * @param healthy whether the health service considers it usable
 */
public record NodeCapacity(String node, String pool, long cpuMillis, long memoryMb, int gpu,
                           boolean ready, boolean schedulable, boolean healthy) {

    public NodeCapacity {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(pool, "pool");
        if (cpuMillis < 0 || memoryMb < 0 || gpu < 0) {
            throw new IllegalArgumentException("Negative allocatable resources on node " + node);
        }
    }

    /** Whether this node's resources count as capacity: Ready, schedulable and healthy. */
    public boolean counts() {
        return ready && schedulable && healthy;
    }
}
