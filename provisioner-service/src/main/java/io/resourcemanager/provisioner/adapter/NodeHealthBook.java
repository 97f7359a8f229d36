package io.resourcemanager.provisioner.adapter;

import io.resourcemanager.provisioner.domain.Health;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The health service's latest judgement of each node, as far as this instance heard it. Thread-safe. */
final class NodeHealthBook {

    private final ConcurrentMap<String, Health> judged = new ConcurrentHashMap<>();

    /** Remembers the latest judgement of {@code node}; empty (no judgement) forgets an earlier one. */
    void record(String node, Optional<Health> health) {
        health.ifPresentOrElse(value -> judged.put(node, value), () -> judged.remove(node));
    }

    /** The latest judgement of {@code node}, if any. */
    Optional<Health> judged(String node) {
        return Optional.ofNullable(judged.get(node));
    }

    /** Forgets {@code node} (it left the inventory; a node that comes back is judged afresh). */
    void forget(String node) {
        judged.remove(node);
    }
}
