package io.resourcemanager.allocation.domain;

import java.util.Map;
import java.util.Optional;

/**
 * Divisions whose new allocations are refused, each with the reason to give (a budget of the division
 * reached 100% and is enforced). Releases, expiries, extensions and allocations already granted or
 * queued are not affected.
 *
 * @param reasons the refusal reason per division name
 */
public record BlockedDivisions(Map<String, String> reasons) {

    /** No division is blocked. */
    public static final BlockedDivisions NONE = new BlockedDivisions(Map.of());

    public BlockedDivisions {
        reasons = Map.copyOf(reasons);
    }

    /** Why new allocations of {@code division} are refused, if they are. */
    public Optional<String> reason(String division) {
        return Optional.ofNullable(reasons.get(division));
    }
}
