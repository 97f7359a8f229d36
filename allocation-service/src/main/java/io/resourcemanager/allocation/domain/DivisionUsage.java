package io.resourcemanager.allocation.domain;

import java.util.HashMap;
import java.util.Map;

/** What each division's active allocations hold, kept up to date by the ledger. */
final class DivisionUsage {

    private final Map<String, Resources> used = new HashMap<>();
    private final Map<String, Integer> active = new HashMap<>();

    static String divisionOf(AllocationRequest request) {
        String division = request.metadata().get(AllocationRequest.DIVISION);
        return division == null || division.isBlank() ? DivisionPolicies.UNASSIGNED : division;
    }

    void add(Allocation allocation) {
        String division = divisionOf(allocation.request());
        used.merge(division, allocation.request().demand(), Resources::plus);
        active.merge(division, 1, Integer::sum);
    }

    void remove(Allocation allocation) {
        String division = divisionOf(allocation.request());
        used.computeIfPresent(division, (d, held) -> held.minus(allocation.request().demand()));
        active.computeIfPresent(division, (d, count) -> count > 1 ? count - 1 : null);
    }

    Resources used(String division) {
        return used.getOrDefault(division, Resources.NONE);
    }

    int active(String division) {
        return active.getOrDefault(division, 0);
    }
}
