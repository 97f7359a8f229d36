package io.resourcemanager.allocation.benchmark;

import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.events.AllocationRequested;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.events.Priority;
import io.resourcemanager.events.ReleaseRequested;
import io.resourcemanager.events.Resources;
import io.resourcemanager.kafka.testing.Events;

/**
 * The records the benchmark sends: healthy nodes of the general pool and one-worker allocation
 * requests and releases of cluster {@value BenchmarkSettings#CLUSTER}. Allocation number {@code n}
 * has the id {@code alloc-} followed by {@code n} as 12 lower-case hex digits.
 */
final class BenchmarkEvents {

    private static final String POOL = "permanent";
    private static final long TTL_SECONDS = 86_400;

    private BenchmarkEvents() {
    }

    /** The name of node number {@code index}. */
    static String nodeName(int index) {
        return String.format("bench-node-%05d", index);
    }

    /** A Ready, schedulable, healthy node offering {@code cpuMillis} and {@code memoryMb}. */
    static NodeState node(int index, int cpuMillis, int memoryMb) {
        return Events.nodeState(nodeName(index))
                .setCluster(BenchmarkSettings.CLUSTER)
                .setPool(POOL)
                .setAllocatable(Resources.newBuilder()
                        .setCpuMillis(cpuMillis).setMemoryMb(memoryMb).setGpu(0).setPods(110).build())
                .build();
    }

    /** The id of allocation number {@code number}. */
    static String allocationId(long number) {
        return String.format("alloc-%012x", number);
    }

    /** A request for one worker of the default shape, failing (not queueing) when it does not fit. */
    static AllocationRequestEnvelope request(long number) {
        return AllocationRequestEnvelope.newBuilder()
                .setHeader(Events.header())
                .setPayload(AllocationRequested.newBuilder()
                        .setRequestId("bench-request-" + number)
                        .setAllocationId(allocationId(number))
                        .setCluster(BenchmarkSettings.CLUSTER)
                        .setJobId("bench-job-" + number)
                        .setWorkers(1)
                        .setPriority(Priority.NORMAL)
                        .setTtlSeconds(TTL_SECONDS)
                        .build())
                .build();
    }

    /** The release of allocation number {@code number}. */
    static AllocationRequestEnvelope release(long number) {
        return AllocationRequestEnvelope.newBuilder()
                .setHeader(Events.header())
                .setPayload(ReleaseRequested.newBuilder()
                        .setRequestId("bench-release-" + number)
                        .setAllocationId(allocationId(number))
                        .setReason("benchmark churn")
                        .build())
                .build();
    }
}
