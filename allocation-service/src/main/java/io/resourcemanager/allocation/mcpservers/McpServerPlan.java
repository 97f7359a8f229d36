package io.resourcemanager.allocation.mcpservers;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What to do with the MCP server Deployments this round.
 *
 * @param scaleUp servers to scale from 0 to 1 replica
 * @param scaleDown servers idle past the timeout, to scale to 0
 * @param unknown referenced servers without a Deployment: reported, never created
 * @param idleSince the idle timers to carry into the next snapshot
 * @param checkAgainAfter when the earliest idle timer runs out; empty when no timer runs
 */
public record McpServerPlan(SortedSet<String> scaleUp, SortedSet<String> scaleDown, SortedSet<String> unknown,
                            Map<String, Instant> idleSince, Optional<Duration> checkAgainAfter) {

    public McpServerPlan {
        scaleUp = unmodifiable(scaleUp);
        scaleDown = unmodifiable(scaleDown);
        unknown = unmodifiable(unknown);
        idleSince = Map.copyOf(idleSince);
    }

    /** Whether the plan scales nothing. */
    public boolean isIdle() {
        return scaleUp.isEmpty() && scaleDown.isEmpty();
    }

    private static SortedSet<String> unmodifiable(SortedSet<String> names) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }
}
