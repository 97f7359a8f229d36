package io.resourcemanager.provisioner.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A worker pool (SPEC §3).
 *
 * @param name pool name, also its {@code node-pool} label
 * @param min fewest workers
 * @param max most workers
 * @param defaultTtl lifetime of a new worker, or null when workers are permanent
 * @param maxTtl longest a worker may live, extensions included, or null
 * @param preemptionGrace notice a preemptible (spot) worker gets, or null when not preemptible
 * @param labels labels every worker of the pool carries
 * @param taints taints every worker carries, as {@code key=value:Effect}
 * @param protectedPool whether automation may never destroy its workers
 */
public record PoolSpec(String name, int min, int max, Duration defaultTtl, Duration maxTtl, Duration preemptionGrace,
                       Map<String, String> labels, List<String> taints, boolean protectedPool) {

    public PoolSpec {
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("Pool " + name + ": need 0 ≤ min ≤ max, got " + min + ".." + max);
        }
        if (defaultTtl != null && maxTtl != null && defaultTtl.compareTo(maxTtl) > 0) {
            throw new IllegalArgumentException("Pool " + name + ": default TTL " + defaultTtl + " exceeds max TTL " + maxTtl);
        }
    }

    /** Whether a manual scale to {@code count} workers stays within the pool's bounds; the reason if not. */
    public java.util.Optional<String> refuseScaleTo(int count) {
        if (count < min) {
            return java.util.Optional.of("count " + count + " is below the minimum of pool " + name + " (" + min + ")");
        }
        if (count > max) {
            return java.util.Optional.of("count " + count + " is above the maximum of pool " + name + " (" + max + ")");
        }
        return java.util.Optional.empty();
    }
}
