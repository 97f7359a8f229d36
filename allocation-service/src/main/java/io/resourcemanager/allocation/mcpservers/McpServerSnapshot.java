package io.resourcemanager.allocation.mcpservers;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the planner decides over.
 *
 * @param references active allocations per server name; absent, 0 or null means unreferenced
 * @param replicas desired replicas ({@code spec.replicas}) per server that has a Deployment
 * @param idleSince when each running server was first seen unreferenced (the idle timers); as returned
 *        by the previous {@link McpServerPlan#idleSince()}, empty at start
 */
public record McpServerSnapshot(Map<String, Integer> references, Map<String, Integer> replicas,
                                Map<String, Instant> idleSince) {

    public McpServerSnapshot {
        references = references.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        replicas = Map.copyOf(replicas);
        idleSince = Map.copyOf(idleSince);
    }

    /** How many active allocations reference {@code server} (never negative). */
    public int referencesOf(String server) {
        return Math.max(0, references.getOrDefault(server, 0));
    }
}
