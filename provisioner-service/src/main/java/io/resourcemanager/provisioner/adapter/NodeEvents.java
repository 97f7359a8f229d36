package io.resourcemanager.provisioner.adapter;

import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.NodeHealth;
import io.resourcemanager.events.NodeJoined;
import io.resourcemanager.events.NodeRemoved;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.events.ProvisioningEventEnvelope;
import io.resourcemanager.events.Resources;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.WorkerLabels;
import java.time.Instant;

/** Maps inventory facts to the events of {@code rm.provisioning.events} and {@code rm.nodes}. */
final class NodeEvents {

    private NodeEvents() {
    }

    static NodeState state(ObservedNode node, String cluster, EventHeader header) {
        return NodeState.newBuilder()
                .setHeader(header)
                .setNode(node.name())
                .setCluster(cluster)
                .setPool(node.pool())
                .setTemplate(node.template())
                .setAllocatable(resources(node))
                .setReady(node.ready())
                .setSchedulable(node.schedulable())
                .setHealth(node.ready() ? NodeHealth.HEALTHY : NodeHealth.UNHEALTHY)
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

    private static Resources resources(ObservedNode node) {
        return Resources.newBuilder()
                .setCpuMillis(node.cpuMillis())
                .setMemoryMb(node.memoryMb())
                .setGpu(node.gpu())
                .setPods(node.pods())
                .build();
    }
}
