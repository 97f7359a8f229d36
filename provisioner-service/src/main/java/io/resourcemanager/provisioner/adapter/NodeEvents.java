package io.resourcemanager.provisioner.adapter;

import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.NodeHealth;
import io.resourcemanager.events.NodeJoined;
import io.resourcemanager.events.NodeRemoved;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.events.ProvisioningEventEnvelope;
import io.resourcemanager.events.Resources;
import io.resourcemanager.provisioner.domain.Health;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.WorkerLabels;
import java.time.Instant;
import java.util.Optional;

/** Maps inventory facts to the events of {@code rm.provisioning.events} and {@code rm.nodes}. */
final class NodeEvents {

    private NodeEvents() {
    }

    /**
     * The node's state on {@code rm.nodes}; its health is the health service's judgement when there is one,
     * otherwise Ready alone, and never better than Ready allows ({@link Health#published}).
     */
    static NodeState state(ObservedNode node, Optional<Health> judged, String cluster, EventHeader header) {
        return NodeState.newBuilder()
                .setHeader(header)
                .setNode(node.name())
                .setCluster(cluster)
                .setPool(node.pool())
                .setTemplate(node.template())
                .setAllocatable(resources(node))
                .setReady(node.ready())
                .setSchedulable(node.schedulable())
                .setHealth(health(Health.published(node.ready(), judged)))
                .setProtectedNode(node.isProtected())
                .setLabels(node.labels())
                .setVmId(WorkerLabels.vmId(node.labels()).orElse(null))
                .setTtlDeadline(WorkerLabels.deadline(node.labels()).orElse(null))
                .build();
    }

    static ObservedNode observed(NodeState state) {
        Resources allocatable = state.getAllocatable();
        return new ObservedNode(state.getNode(), state.getPool(), state.getTemplate(), allocatable.getCpuMillis(),
                allocatable.getMemoryMb(), allocatable.getGpu(), allocatable.getPods(), state.getReady(),
                state.getSchedulable(), state.getLabels());
    }

    /** The judgement a health service verdict carries; {@code UNKNOWN} (or none) is no judgement. */
    static Optional<Health> judgement(NodeHealth health) {
        if (health == null) {
            return Optional.empty();
        }
        return switch (health) {
            case HEALTHY -> Optional.of(Health.HEALTHY);
            case DEGRADED -> Optional.of(Health.DEGRADED);
            case UNHEALTHY -> Optional.of(Health.UNHEALTHY);
            case UNKNOWN -> Optional.empty();
        };
    }

    /** The judgement a state read back from {@code rm.nodes} shows (see {@link Health#judgementShownBy}). */
    static Optional<Health> judgementShownBy(NodeState state) {
        return judgement(state.getHealth()).flatMap(published -> Health.judgementShownBy(state.getReady(), published));
    }

    static ProvisioningEventEnvelope joined(ObservedNode node, EventHeader header, Instant joinedAt) {
        return ProvisioningEventEnvelope.newBuilder()
                .setHeader(header)
                .setPayload(NodeJoined.newBuilder()
                        .setWorker(node.name())
                        .setPool(node.pool())
                        .setTemplate(node.template())
                        .setVmId(WorkerLabels.vmId(node.labels()).orElse(null))
                        .setAllocatable(resources(node))
                        .setLabels(node.labels())
                        .setTtlDeadline(WorkerLabels.deadline(node.labels()).orElse(null))
                        .setTtlLimit(WorkerLabels.limit(node.labels()).orElse(null))
                        .setJoinedAt(joinedAt)
                        .build())
                .build();
    }

    static ProvisioningEventEnvelope removed(String node, String pool, Integer vmId, String reason, EventHeader header) {
        return ProvisioningEventEnvelope.newBuilder()
                .setHeader(header)
                .setPayload(NodeRemoved.newBuilder()
                        .setWorker(node)
                        .setPool(pool)
                        .setVmId(vmId)
                        .setReason(reason)
                        .build())
                .build();
    }

    private static NodeHealth health(Health health) {
        return switch (health) {
            case HEALTHY -> NodeHealth.HEALTHY;
            case DEGRADED -> NodeHealth.DEGRADED;
            case UNHEALTHY -> NodeHealth.UNHEALTHY;
        };
    }

    private static Resources resources(ObservedNode node) {
        return Resources.newBuilder()
                .setCpuMillis(node.cpuMillis())
                .setMemoryMb(node.memoryMb())
                .setGpu(node.gpu())
                .setPods(node.pods())
                .build();
    }
}
