package io.resourcemanager.health.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Remembers the last judged health per node and reports changes. Not thread-safe: one caller at a time. */
public final class HealthTracker {

    private final Map<String, Health> lastKnown = new HashMap<>();

    /** The change from the node's previous health to {@code current}, or empty if it did not change. */
    public Optional<HealthChange> observe(String node, Health current) {
        Health previous = lastKnown.put(node, current);
        if (previous == current) {
            return Optional.empty();
        }
        return Optional.of(new HealthChange(node, Optional.ofNullable(previous), current));
    }

    /** Forgets a node that left the cluster. */
    public void forget(String node) {
        lastKnown.remove(node);
    }

    /**
     * A node's health changed.
     *
     * @param node node name
     * @param previous health before, empty for a node seen for the first time
     * @param current health now
     */
    public record HealthChange(String node, Optional<Health> previous, Health current) {
    }
}
