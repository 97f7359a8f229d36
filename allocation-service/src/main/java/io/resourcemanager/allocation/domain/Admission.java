package io.resourcemanager.allocation.domain;

import java.time.Instant;
import java.util.Optional;

/** Division rules a request must pass besides raw capacity: quotas (with borrowing) and reservations. */
final class Admission {

    private final DivisionPolicies policies;
    private final DivisionUsage usage;

    Admission(DivisionPolicies policies, DivisionUsage usage) {
        this.policies = policies;
        this.usage = usage;
    }

    /** Why the request's division may not take more now, if it may not. */
    Optional<String> quotaShortfall(AllocationRequest request) {
        String division = DivisionUsage.divisionOf(request);
        Optional<Quota> quota = policies.quota(division);
        if (quota.isEmpty()) {
            return Optional.empty();
        }
        Quota limit = quota.get();
        if (limit.maxAllocations() > 0 && usage.active(division) >= limit.maxAllocations()) {
            return Optional.of("Quota exceeded for division " + division + ": at most " + limit.maxAllocations()
                    + " concurrent allocations");
        }
        Resources wanted = usage.used(division).plus(request.demand());
        if (limit.limit().fits(wanted)) {
            return Optional.empty();
        }
        Resources excess = wanted.minus(limit.limit());
        if (limit.borrowing() && idleQuotaOfOthers(division).fits(excess)) {
            return Optional.empty();
        }
        return Optional.of("Quota exceeded for division " + division + ": needs " + wanted.cpuCores() + " CPU / "
                + wanted.memoryMb() + "MB / " + wanted.gpu() + " GPU, quota " + limit.limit().cpuCores() + " CPU / "
                + limit.limit().memoryMb() + "MB / " + limit.limit().gpu() + " GPU");
    }

    /** Capacity reservations keep from the request's division at {@code now}: reserved less what owners use. */
    Resources heldBack(AllocationRequest request, Instant now) {
        Resources held = Resources.NONE;
        for (Reservation reservation : policies.heldFromOthers(DivisionUsage.divisionOf(request), now)) {
            held = held.plus(reservation.reserved().minus(usage.used(reservation.owner())));
        }
        return held;
    }

    /** Fair-share key: CPU held per unit of weight; the division furthest below its share goes first. */
    double shareUsed(AllocationRequest request) {
        String division = DivisionUsage.divisionOf(request);
        return usage.used(division).cpuMillis() / policies.weight(division);
    }

    private Resources idleQuotaOfOthers(String division) {
        Resources idle = Resources.NONE;
        for (Quota other : policies.quotas().values()) {
            if (!other.division().equals(division)) {
                idle = idle.plus(other.limit().minus(usage.used(other.division())));
            }
        }
        return idle;
    }
}
