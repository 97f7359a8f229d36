package io.resourcemanager.health.domain.repair;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What is wrong with a node now.
 *
 * @param since each signal the node shows, with when it began (the condition's last transition)
 * @param kubeletRestarts restarts of the kubelet or container runtime counted in the recent window
 */
public record Symptoms(Map<Signal, Instant> since, int kubeletRestarts) {

    public Symptoms {
        since = since.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(since));
        if (kubeletRestarts < 0) {
            throw new IllegalArgumentException("kubeletRestarts must not be negative");
        }
    }

    /** A node with nothing wrong. */
    public static Symptoms healthy() {
        return new Symptoms(Map.of(), 0);
    }

    /** The worst signal the node shows, if any. */
    public Optional<Signal> worst() {
        for (Signal signal : Signal.values()) {
            if (since.containsKey(signal)) {
                return Optional.of(signal);
            }
        }
        return Optional.empty();
    }
}
