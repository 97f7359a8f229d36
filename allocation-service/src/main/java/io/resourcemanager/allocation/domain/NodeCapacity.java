package io.resourcemanager.allocation.domain;

import java.util.Objects;

/**
 * What one worker node offers to allocations.
 *
 * @param node node name
 * @param pool worker pool the node belongs to
 * @param template template the node was built from, or null if unknown
 * @param allocatable what the node can host in total
 * @param ready whether the node reports Ready
 * @param schedulable whether the node accepts new work (not cordoned)
 * @param healthy whether the health service considers it usable
 */
public record NodeCapacity(String node, String pool, String template, Resources allocatable,
                           boolean ready, boolean schedulable, boolean healthy) {

    public NodeCapacity {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(allocatable, "allocatable");
    }

    /** Whether this node's resources count as capacity: Ready, schedulable and healthy. */
    public boolean counts() {
        return ready && schedulable && healthy;
    }
}
