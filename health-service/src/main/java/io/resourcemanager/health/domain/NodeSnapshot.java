package io.resourcemanager.health.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the health service saw of one node at one moment: the judged health, the conditions as judged
 * (a stale Ready already turned Unknown), and the kubelet restarts in the recent window.
 *
 * @param health the judgement
 * @param conditions every condition as judged, in the node's order
 * @param kubeletRestarts restarts of the kubelet or container runtime in the recent window
 * @param oddity why the conditions could not be judged (health {@link Health#UNKNOWN}), or null
 */
public record NodeSnapshot(Health health, List<Condition> conditions, int kubeletRestarts, String oddity) {

    public NodeSnapshot {
        Objects.requireNonNull(health, "health");
        conditions = List.copyOf(conditions);
        if (kubeletRestarts < 0) {
            throw new IllegalArgumentException("kubeletRestarts must not be negative");
        }
    }

    /** The conditions in a bad state (Ready not True; a pressure or crash-loop condition True), without reasons. */
    public Set<Symptom> symptoms() {
        return conditions.stream().filter(HealthJudge::isBad)
                .map(c -> new Symptom(c.type(), c.status(), c.since()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether {@code other} tells something this snapshot does not: another health, another set of bad
     * conditions or another {@code since} for one of them, another restart count, or another oddity.
     * A changed reason or a moved heartbeat alone is no change.
     */
    public boolean differsFrom(NodeSnapshot other) {
        return other == null || health != other.health || kubeletRestarts != other.kubeletRestarts
                || !Objects.equals(oddity, other.oddity) || !symptoms().equals(other.symptoms());
    }

    /**
     * A condition in a bad state.
     *
     * @param type condition type
     * @param status its status
     * @param since when it took that status, if known
     */
    public record Symptom(String type, String status, Instant since) {
    }
}
