package io.resourcemanager.allocation.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Quotas, fair-share weights and reservations per division.
 *
 * @param quotas quota per division name
 * @param reservations reservations
 */
public record DivisionPolicies(Map<String, Quota> quotas, List<Reservation> reservations) {

    /** No quotas, no reservations. */
    public static final DivisionPolicies NONE = new DivisionPolicies(Map.of(), List.of());

    /** Division of requests that name none. */
    public static final String UNASSIGNED = "unassigned";

    public DivisionPolicies {
        quotas = Map.copyOf(quotas);
        reservations = List.copyOf(reservations);
    }

    public Optional<Quota> quota(String division) {
        return Optional.ofNullable(quotas.get(division));
    }

    /** Fair-share weight of a division (1 when it has no quota). */
    public double weight(String division) {
        return quota(division).map(Quota::weight).orElse(1.0);
    }

    /** Reservations in force at {@code now} that {@code division} does not own. */
    public List<Reservation> heldFromOthers(String division, Instant now) {
        return reservations.stream().filter(r -> !r.owner().equals(division) && r.isActive(now)).toList();
    }
}
