package io.resourcemanager.simulator.kubelet;

import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/** Node conditions as a kubelet and the node lifecycle controller write them. */
final class NodeConditions {

    /** Conditions the kubelet owns; the node lifecycle controller turns them Unknown when it goes silent. */
    static final Set<String> KUBELET_OWNED = Set.of("Ready", "MemoryPressure", "DiskPressure", "PIDPressure");

    private NodeConditions() {
    }

    /** The conditions of a healthy node that has just registered or recovered. */
    static List<NodeCondition> healthy(Instant now) {
        return List.of(
                condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", now),
                condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", now),
                condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", now),
                condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", now),
                condition("NetworkUnavailable", "False", "FlannelIsUp", "Flannel is running on this node", now));
    }

    /** {@code current} with the heartbeat of the kubelet-owned conditions moved to {@code now}. */
    static List<NodeCondition> heartbeat(List<NodeCondition> current, Instant now) {
        return current.stream()
                .map(c -> KUBELET_OWNED.contains(c.getType())
                        ? new NodeConditionBuilder(c).withLastHeartbeatTime(timestamp(now)).build()
                        : c)
                .toList();
    }

    /** {@code current} with the kubelet-owned conditions Unknown, as after the monitor grace period. */
    static List<NodeCondition> unknown(List<NodeCondition> current, Instant now) {
        return current.stream()
                .map(c -> KUBELET_OWNED.contains(c.getType())
                        ? new NodeConditionBuilder(c).withStatus("Unknown").withReason("NodeStatusUnknown")
                                .withMessage("Kubelet stopped posting node status.")
                                .withLastTransitionTime(timestamp(now)).build()
                        : c)
                .toList();
    }

    /** True when the Ready condition is True. */
    static boolean isReady(List<NodeCondition> conditions) {
        return conditions.stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** RFC 3339 with seconds, as the API server stores condition times. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static NodeCondition condition(String type, String status, String reason, String message, Instant now) {
        return new NodeConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withLastHeartbeatTime(timestamp(now)).withLastTransitionTime(timestamp(now)).build();
    }
}
