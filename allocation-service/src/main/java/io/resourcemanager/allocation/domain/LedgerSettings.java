package io.resourcemanager.allocation.domain;

import java.util.Objects;
import java.util.Set;

/**
 * The ledger's rules, from configuration.
 *
 * @param maxWorkers cap on worker slots in the cluster; 0 for no cap
 * @param defaultShape resources of a worker slot when a request gives none
 * @param generalPools pools without taints: where workers of requests without a target pool run
 * @param queueMaxSize how many allocations may wait per priority
 * @param policies quotas, fair-share weights and reservations per division
 */
public record LedgerSettings(int maxWorkers, Resources defaultShape, Set<String> generalPools, int queueMaxSize,
                             DivisionPolicies policies) {

    public LedgerSettings {
        Objects.requireNonNull(defaultShape, "defaultShape");
        Objects.requireNonNull(policies, "policies");
        generalPools = Set.copyOf(generalPools);
        if (maxWorkers < 0 || queueMaxSize < 0) {
            throw new IllegalArgumentException("maxWorkers and queueMaxSize must not be negative");
        }
        if (defaultShape.cpuMillis() <= 0 || defaultShape.memoryMb() <= 0) {
            throw new IllegalArgumentException("The default worker shape needs CPU and memory");
        }
    }

    /** 1 CPU and 2048 MB per worker, general pool {@code permanent}, no cap, 100 waiting per priority. */
    public static LedgerSettings defaults() {
        return new LedgerSettings(0, new Resources(1000, 2048, 0), Set.of("permanent"), 100, DivisionPolicies.NONE);
    }

    public LedgerSettings withMaxWorkers(int value) {
        return new LedgerSettings(value, defaultShape, generalPools, queueMaxSize, policies);
    }

    public LedgerSettings withQueueMaxSize(int value) {
        return new LedgerSettings(maxWorkers, defaultShape, generalPools, value, policies);
    }

    public LedgerSettings withPolicies(DivisionPolicies value) {
        return new LedgerSettings(maxWorkers, defaultShape, generalPools, queueMaxSize, value);
    }
}
