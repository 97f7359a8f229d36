package io.resourcemanager.allocation.mcpservers;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Decides which MCP servers to scale. Pure: plain values in, a plan out, the time passed in.
 *
 * <ul>
 *   <li>A referenced server with 0 replicas is scaled up to 1 (one with more replicas is left alone);
 *       a reference cancels its idle timer.</li>
 *   <li>An unreferenced server with replicas starts an idle timer; once the timer reaches the idle
 *       timeout, the server is scaled down to 0. The timer stays until the server is seen at 0
 *       replicas, so a failed scale-down is planned again next round.</li>
 *   <li>A referenced server without a Deployment is reported as unknown, never created.</li>
 * </ul>
 */
public final class McpServerPlanner {

    private final Duration idleTimeout;

    /** @param idleTimeout how long a server stays up without references (zero: scale down at once) */
    public McpServerPlanner(Duration idleTimeout) {
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must not be negative, was " + idleTimeout);
        }
    }

    /** The plan for {@code snapshot} at {@code now}. */
    public McpServerPlan plan(McpServerSnapshot snapshot, Instant now) {
        SortedSet<String> scaleUp = new TreeSet<>();
        SortedSet<String> scaleDown = new TreeSet<>();
        Map<String, Instant> idleSince = new HashMap<>();
        Duration checkAgainAfter = null;
        for (Map.Entry<String, Integer> server : snapshot.replicas().entrySet()) {
            String name = server.getKey();
            int replicas = server.getValue();
            if (snapshot.referencesOf(name) > 0) {
                if (replicas <= 0) {
                    scaleUp.add(name);
                }
            } else if (replicas > 0) {
                Instant since = snapshot.idleSince().getOrDefault(name, now);
                idleSince.put(name, since);
                Duration left = idleTimeout.minus(Duration.between(since, now));
                if (left.isNegative() || left.isZero()) {
                    scaleDown.add(name);
                } else if (checkAgainAfter == null || left.compareTo(checkAgainAfter) < 0) {
                    checkAgainAfter = left;
                }
            }
        }
        SortedSet<String> unknown = new TreeSet<>();
        snapshot.references().keySet().stream()
                .filter(name -> snapshot.referencesOf(name) > 0 && !snapshot.replicas().containsKey(name))
                .forEach(unknown::add);
        return new McpServerPlan(scaleUp, scaleDown, unknown, idleSince, Optional.ofNullable(checkAgainAfter));
    }

    /** The configured idle timeout. */
    public Duration idleTimeout() {
        return idleTimeout;
    }
}
