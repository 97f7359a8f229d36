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
import io.resourcemanager.health.domain.HealthTracker.HealthChange;
import io.resourcemanager.kubernetes.NodeFacts;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Maps Kubernetes node conditions to the domain and health changes to events. */
final class HealthEvents {

    private HealthEvents() {
    }

    static List<Condition> conditions(Node node) {
        return NodeFacts.conditions(node).stream().map(HealthEvents::condition).toList();
    }

    static HealthEventEnvelope changed(HealthChange change, String pool, List<Condition> conditions,
                                       EventHeader header) {
        return HealthEventEnvelope.newBuilder()
                .setHeader(header)
                .setPayload(NodeHealthChanged.newBuilder()
                        .setNode(change.node())
                        .setPool(pool)
                        .setHealth(toEvent(change.current()))
                        .setPreviousHealth(change.previous().map(HealthEvents::toEvent).orElse(NodeHealth.UNKNOWN))
                        .setConditions(conditions.stream().map(HealthEvents::snapshot).toList())
                        .build())
                .build();
    }

    private static Condition condition(NodeCondition condition) {
        return new Condition(condition.getType(), condition.getStatus(), condition.getReason(),
                parse(condition.getLastTransitionTime()));
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

    private static Instant parse(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return null;
        }
        return OffsetDateTime.parse(timestamp).toInstant();
    }
}
