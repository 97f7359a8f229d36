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
 * @param workers its workers, Ready or on their way (those being removed excluded)
 * @param demandSince since when queued demand (allocations or pending pods) has been at or above the
 *                    threshold, or null if it is not
 * @param demand current queued demand
 * @param highUtilisationSince since when CPU or memory utilisation has been above its limit, or null
 * @param cpuUtilisation current CPU utilisation of the pool (0–1)
 * @param memoryUtilisation current memory utilisation of the pool (0–1)
 * @param lastScaleUp when the pool last grew, or null
 * @param lastScaleDown when the pool last shrank, or null
 * @param restraints what holds the autoscaler back beyond bounds and cooldowns
 */
public record PoolSnapshot(String pool, int min, int max, List<WorkerLoad> workers, Instant demandSince, int demand,
                           Instant highUtilisationSince, double cpuUtilisation, double memoryUtilisation,
                           Instant lastScaleUp, Instant lastScaleDown, Restraints restraints) {

    public PoolSnapshot {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(restraints, "restraints");
        workers = List.copyOf(workers);
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("Pool " + pool + ": need 0 ≤ min ≤ max, got " + min + ".." + max);
        }
    }

    /** A snapshot of a pool nothing restrains. */
    public PoolSnapshot(String pool, int min, int max, List<WorkerLoad> workers, Instant demandSince, int demand,
                        Instant highUtilisationSince, double cpuUtilisation, double memoryUtilisation,
                        Instant lastScaleUp, Instant lastScaleDown) {
        this(pool, min, max, workers, demandSince, demand, highUtilisationSince, cpuUtilisation, memoryUtilisation,
                lastScaleUp, lastScaleDown, Restraints.NONE);
    }

    /**
     * One worker's load.
     *
     * @param node node name
     * @param cpuUtilisation its CPU utilisation (0–1)
     * @param holdsAllocations whether active allocations have workers on it
     * @param joining whether it is still being provisioned: counted, never removed
     */
    public record WorkerLoad(String node, double cpuUtilisation, boolean holdsAllocations, boolean joining) {

        /** A worker that has joined. */
        public WorkerLoad(String node, double cpuUtilisation, boolean holdsAllocations) {
            this(node, cpuUtilisation, holdsAllocations, false);
        }
    }

    /**
     * What holds the autoscaler back besides bounds and cooldowns.
     *
     * @param protectedPool the pool is never shrunk by automation
     * @param provisioningsInFlight workers the autoscaler asked for that are still being provisioned: they
     *                              already count as workers, but the demand and load that called for them
     *                              remain until they join, so growing again would count the same need twice
     * @param utilisationUnknown no worker of the pool reports usage: an idle-looking pool is not shrunk
     * @param scaleUpRefusal why the pool may not grow (a budget enforced on it), or null if it may
     */
    public record Restraints(boolean protectedPool, int provisioningsInFlight, boolean utilisationUnknown,
                             String scaleUpRefusal) {

        /** Nothing restrains the autoscaler. */
        public static final Restraints NONE = new Restraints(false, 0, false);

        /** Restraints of a pool no budget holds back. */
        public Restraints(boolean protectedPool, int provisioningsInFlight, boolean utilisationUnknown) {
            this(protectedPool, provisioningsInFlight, utilisationUnknown, null);
        }
    }
}
