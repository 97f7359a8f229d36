package io.resourcemanager.health.adapter;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.HealthEventEnvelope;
import io.resourcemanager.events.NodeConditionSnapshot;
import io.resourcemanager.events.NodeHealth;
import io.resourcemanager.events.NodeHealthChanged;
import io.resourcemanager.health.domain.Condition;
import io.resourcemanager.health.domain.Health;
import io.resourcemanager.health.domain.HealthJudge;
import io.resourcemanager.health.domain.HealthTracker.Change;
import io.resourcemanager.kubernetes.NodeFacts;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/** Maps Kubernetes node conditions to the domain and health changes to events. */
final class HealthEvents {

    private HealthEvents() {
    }

    /** The node's conditions; a missing type or status becomes empty and an unreadable time null (the judge calls that odd). */
    static List<Condition> conditions(Node node) {
        return NodeFacts.conditions(node).stream().filter(Objects::nonNull).map(HealthEvents::condition).toList();
    }

    /** The last heartbeat of the node's Ready condition, if it has one. */
    static Instant readyHeartbeat(Node node) {
        return NodeFacts.conditions(node).stream()
                .filter(c -> c != null && HealthJudge.READY.equals(c.getType()))
                .findFirst().map(c -> parse(c.getLastHeartbeatTime())).orElse(null);
    }

    static HealthEventEnvelope changed(Change change, String pool, EventHeader header) {
        return HealthEventEnvelope.newBuilder()
                .setHeader(header)
                .setPayload(NodeHealthChanged.newBuilder()
                        .setNode(change.node())
                        .setPool(pool)
                        .setHealth(toEvent(change.current().health()))
                        .setPreviousHealth(toEvent(change.previousHealth()))
                        .setConditions(change.current().conditions().stream().map(HealthEvents::snapshot).toList())
                        .setKubeletRestarts(change.current().kubeletRestarts())
                        .build())
                .build();
    }

    /** An RFC 3339 time, or null when absent or unreadable. */
    static Instant parse(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Condition condition(NodeCondition condition) {
        return new Condition(Objects.toString(condition.getType(), ""), Objects.toString(condition.getStatus(), ""),
                condition.getReason(), parse(condition.getLastTransitionTime()));
    }

    private static NodeConditionSnapshot snapshot(Condition condition) {
        return NodeConditionSnapshot.newBuilder()
                .setType(condition.type())
                .setStatus(condition.status())
                .setReason(condition.reason())
                .setSince(condition.since())
                .build();
    }

    private static NodeHealth toEvent(Health health) {
        return NodeHealth.valueOf(health.name());
    }
}
