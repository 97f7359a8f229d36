package io.resourcemanager.provisioner.domain.autoscale;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the autoscaler knows about one pool at one moment.
 *
 * @param pool pool name
 * @param min fewest workers the pool may have
 * @param max most workers the pool may have
 * @param workers its workers, Ready or on their way
 * @param demandSince since when queued demand (allocations or pending pods) has been at or above the
 *                    threshold, or null if it is not
 * @param demand current queued demand
 * @param highUtilisationSince since when CPU or memory utilisation has been above its limit, or null
 * @param cpuUtilisation current CPU utilisation of the pool (0–1)
 * @param memoryUtilisation current memory utilisation of the pool (0–1)
 * @param lastScaleUp when the pool last grew, or null
 * @param lastScaleDown when the pool last shrank, or null
 */
public record PoolSnapshot(String pool, int min, int max, List<WorkerLoad> workers, Instant demandSince, int demand,
                           Instant highUtilisationSince, double cpuUtilisation, double memoryUtilisation,
                           Instant lastScaleUp, Instant lastScaleDown) {

    public PoolSnapshot {
        Objects.requireNonNull(pool, "pool");
        workers = List.copyOf(workers);
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("Pool " + pool + ": need 0 ≤ min ≤ max, got " + min + ".." + max);
        }
    }

    /**
     * One worker's load.
     *
     * @param node node name
     * @param cpuUtilisation its CPU utilisation (0–1)
     * @param holdsAllocations whether active allocations have workers on it
     */
    public record WorkerLoad(String node, double cpuUtilisation, boolean holdsAllocations) {
    }
}
