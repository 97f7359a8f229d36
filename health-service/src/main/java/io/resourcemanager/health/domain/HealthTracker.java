package io.resourcemanager.health.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the last published snapshot per node and reports changes (see {@link NodeSnapshot#differsFrom}).
 * Not thread-safe: one caller at a time.
 */
public final class HealthTracker {

    private final Map<String, NodeSnapshot> lastKnown = new HashMap<>();

    /** The change from the node's previous snapshot to {@code current}, or empty if nothing worth telling changed. */
    public Optional<Change> observe(String node, NodeSnapshot current) {
        NodeSnapshot previous = lastKnown.get(node);
        if (previous != null && !current.differsFrom(previous)) {
            return Optional.empty();
        }
        lastKnown.put(node, current);
        return Optional.of(new Change(node, Optional.ofNullable(previous), current));
    }

    /**
     * The change could not be published: unless a newer snapshot was observed meanwhile, the node goes back
     * to its previous snapshot, so the next observation reports the change again.
     */
    public void unpublished(Change change) {
        if (lastKnown.get(change.node()) != change.current()) {
            return;
        }
        change.previous().ifPresentOrElse(p -> lastKnown.put(change.node(), p), () -> lastKnown.remove(change.node()));
    }

    /** Forgets a node that left the cluster. */
    public void forget(String node) {
        lastKnown.remove(node);
    }

    /**
     * Something worth telling changed about a node.
     *
     * @param node node name
     * @param previous the snapshot published before, empty for a node seen for the first time
     * @param current the snapshot now
     */
    public record Change(String node, Optional<NodeSnapshot> previous, NodeSnapshot current) {

        /** The health before, {@link Health#UNKNOWN} for a node seen for the first time. */
        public Health previousHealth() {
            return previous.map(NodeSnapshot::health).orElse(Health.UNKNOWN);
        }
    }
}
