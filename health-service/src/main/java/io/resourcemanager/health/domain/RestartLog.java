package io.resourcemanager.health.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Restarts of each node's kubelet or container runtime, counted in a sliding window. A restart is
 * recorded under an id (the Kubernetes Event that reported it) with a count, because an event that
 * reports a repeated occurrence is updated in place (its count grows); every occurrence of an event
 * counts at the event's latest time. Not thread-safe: one caller at a time.
 */
public final class RestartLog {

    private final Duration window;
    private final Map<String, Map<String, Occurrence>> byNode = new HashMap<>();

    /** A log that counts restarts no older than {@code window}. */
    public RestartLog(Duration window) {
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
    }

    /**
     * Records that the event {@code id} reported {@code count} restarts of {@code node}'s kubelet, the last at
     * {@code at}. Returns whether this changed the count at {@code now}: a repeated delivery, or a restart
     * already out of the window, changes nothing.
     */
    public boolean record(String node, String id, Instant at, int count, Instant now) {
        Occurrence occurrence = new Occurrence(Objects.requireNonNull(at, "at"), Math.max(count, 1));
        if (occurrence.at().isBefore(now.minus(window))) {
            return false;
        }
        Map<String, Occurrence> occurrences = byNode.computeIfAbsent(node, n -> new HashMap<>());
        occurrences.values().removeIf(o -> o.at().isBefore(now.minus(window)));
        return !occurrence.equals(occurrences.put(id, occurrence));
    }

    /** Restarts of {@code node} within the window before {@code now} (later ones, from clock skew, count too). */
    public int count(String node, Instant now) {
        Instant from = now.minus(window);
        Map<String, Occurrence> occurrences = byNode.get(node);
        if (occurrences == null) {
            return 0;
        }
        occurrences.values().removeIf(o -> o.at().isBefore(from));
        return occurrences.values().stream().mapToInt(Occurrence::count).sum();
    }

    /** Forgets a node that left the cluster. */
    public void forget(String node) {
        byNode.remove(node);
    }

    private record Occurrence(Instant at, int count) {
    }
}
