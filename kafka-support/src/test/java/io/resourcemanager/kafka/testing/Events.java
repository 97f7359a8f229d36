package io.resourcemanager.kafka.testing;

import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.NodeHealth;
import io.resourcemanager.events.NodeJoined;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.events.Priority;
import io.resourcemanager.events.ProvisioningEventEnvelope;
import io.resourcemanager.events.Resources;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Small builders of events for tests. */
public final class Events {

    /** The instant test events happen at unless told otherwise. */
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Events() {
    }

    /** A fresh header produced by {@code tests}. */
    public static EventHeader header() {
        UUID id = UUID.randomUUID();
        return EventHeader.newBuilder()
                .setEventId(id)
                .setOccurredAt(T0)
                .setCorrelationId(id.toString())
                .setProducer("tests")
                .build();
    }

    /** Allocatable resources of a medium worker (7800m CPU, 15360 MiB, 100 pods). */
    public static Resources medium() {
        return Resources.newBuilder().setCpuMillis(7_800).setMemoryMb(15_360).setGpu(0).setPods(100).build();
    }

    /** A builder of a Ready, schedulable, healthy medium node in the permanent pool. */
    public static NodeState.Builder nodeState(String node) {
        return NodeState.newBuilder()
                .setHeader(header())
                .setNode(node)
                .setCluster("local")
                .setPool("permanent")
                .setTemplate("medium")
                .setAllocatable(medium())
                .setReady(true)
                .setSchedulable(true)
                .setHealth(NodeHealth.HEALTHY)
                .setProtectedNode(true)
                .setLabels(Map.of("node-pool", "permanent"));
    }

    /** A Ready, healthy node of {@code cluster} offering {@code cpuMillis} and {@code memoryMb}. */
    public static NodeState node(String node, String cluster, long cpuMillis, long memoryMb) {
        return nodeState(node).setCluster(cluster)
                .setAllocatable(Resources.newBuilder().setCpuMillis(cpuMillis).setMemoryMb(memoryMb).setGpu(0).setPods(110)
                        .build())
                .build();
    }

    /** An AllocationGranted of allocation {@code id}, holding nothing, activated at {@code activatedAt}. */
    public static AllocationEventEnvelope allocationGranted(String id, Instant activatedAt, long ttlSeconds) {
        return AllocationEventEnvelope.newBuilder()
                .setHeader(header())
                .setPayload(AllocationGranted.newBuilder()
                        .setAllocationId(id)
                        .setRequestId("req-" + id)
                        .setJobId("job-" + id)
                        .setPriority(Priority.NORMAL)
                        .setResources(Resources.newBuilder().setCpuMillis(0).setMemoryMb(0).build())
                        .setTtlSeconds(ttlSeconds)
                        .setActivatedAt(activatedAt)
                        .build())
                .build();
    }

    /** A NodeJoined event of a medium burst worker with the given deadline (null for none). */
    public static ProvisioningEventEnvelope nodeJoined(String worker, String pool, Instant ttlDeadline) {
        return ProvisioningEventEnvelope.newBuilder()
                .setHeader(header())
                .setPayload(NodeJoined.newBuilder()
                        .setWorker(worker)
                        .setPool(pool)
                        .setTemplate("medium")
                        .setAllocatable(medium())
                        .setTtlDeadline(ttlDeadline)
                        .setJoinedAt(T0)
                        .build())
                .build();
    }
}
