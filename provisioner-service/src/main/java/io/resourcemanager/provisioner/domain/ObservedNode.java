package io.resourcemanager.provisioner.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A worker node as the cluster shows it.
 *
 * @param name node name
 * @param pool worker pool (from the {@code node-pool} label)
 * @param template template the node was built from, if known
 * @param cpuMillis allocatable CPU in millicores
 * @param memoryMb allocatable memory in MiB
 * @param gpu allocatable GPUs
 * @param pods allocatable pod slots
 * @param ready whether its Ready condition is True
 * @param schedulable whether it accepts new pods
 * @param labels its labels
 */
public record ObservedNode(String name, String pool, String template, long cpuMillis, long memoryMb, int gpu,
                           int pods, boolean ready, boolean schedulable, Map<String, String> labels) {

    /** The pool whose nodes automation never destroys. */
    public static final String PERMANENT_POOL = "permanent";

    public ObservedNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pool, "pool");
        labels = Map.copyOf(labels);
    }

    /** Whether automation must never destroy this node. */
    public boolean isProtected() {
        return PERMANENT_POOL.equals(pool);
    }
}
