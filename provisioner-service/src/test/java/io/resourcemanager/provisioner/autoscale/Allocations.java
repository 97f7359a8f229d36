package io.resourcemanager.provisioner.autoscale;

import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationQueued;
import io.resourcemanager.events.AllocationState;
import io.resourcemanager.events.AllocationStatus;
import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.Resources;
import io.resourcemanager.events.WorkerAssignment;
import io.resourcemanager.kafka.testing.Events;
import java.time.Instant;
import java.util.Arrays;

/** Allocation states and events as the allocation service writes them, for tests. */
final class Allocations {

    private Allocations() {
    }

    /** A queued allocation for {@code pool} (null: any pool), written at {@link Events#T0}. */
    static AllocationState queued(String id, String pool) {
        return state(id, AllocationStatus.QUEUED, pool, Events.T0);
    }

    /** An active allocation with one worker on each of {@code nodes}. */
    static AllocationState active(String id, String... nodes) {
        return state(id, AllocationStatus.ACTIVE, null, Events.T0, nodes);
    }

    /** An allocation in {@code status}, written at {@code at}. */
    static AllocationState state(String id, AllocationStatus status, String pool, Instant at, String... nodes) {
        return AllocationState.newBuilder()
                .setHeader(header(at))
                .setAllocationId(id)
                .setJobId("job-" + id)
                .setCluster("local")
                .setState(status)
                .setResources(resources())
                .setWorkers(Arrays.stream(nodes).map(node -> WorkerAssignment.newBuilder()
                        .setWorkerId("worker-job-" + id + "-" + node).setNode(node)
                        .setCpuMillis(1_000).setMemoryMb(2_048).build()).toList())
                .setTtlSeconds(3_600)
                .setCreatedAt(Events.T0)
                .setTargetPool(pool)
                .build();
    }

    /** {@code AllocationQueued} of {@code id}, counting as demand or blocked by a quota, written at {@code at}. */
    static AllocationEventEnvelope queuedEvent(String id, boolean countsAsDemand, Instant at) {
        return AllocationEventEnvelope.newBuilder()
                .setHeader(header(at))
                .setPayload(AllocationQueued.newBuilder()
                        .setAllocationId(id).setRequestId("request-" + id).setJobId("job-" + id)
                        .setRequested(resources()).setQueuePosition(1)
                        .setReason(countsAsDemand ? "Insufficient workers" : "Quota of division exhausted")
                        .setCountsAsDemand(countsAsDemand)
                        .build())
                .build();
    }

    private static EventHeader header(Instant at) {
        return EventHeader.newBuilder(Events.header()).setOccurredAt(at).build();
    }

    private static Resources resources() {
        return Resources.newBuilder().setCpuMillis(1_000).setMemoryMb(2_048).build();
    }
}
