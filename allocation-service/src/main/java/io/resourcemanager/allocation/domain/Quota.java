package io.resourcemanager.allocation.domain;

import java.util.Objects;

/**
 * What one division may hold at once.
 *
 * @param division division name (the {@code division} metadata of requests)
 * @param limit resources it may hold
 * @param maxAllocations concurrent active allocations it may have; 0 for no limit
 * @param borrowing whether it may exceed its limit with quota other divisions leave idle
 * @param weight its share when divisions compete for queued capacity (fair share)
 */
public record Quota(String division, Resources limit, int maxAllocations, boolean borrowing, double weight) {

    public Quota {
        Objects.requireNonNull(division, "division");
        Objects.requireNonNull(limit, "limit");
        if (maxAllocations < 0 || !(weight > 0)) {
            throw new IllegalArgumentException("Quota of " + division + ": maxAllocations ≥ 0 and weight > 0 required");
        }
    }
}
