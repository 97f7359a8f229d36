package io.resourcemanager.allocation.topology;

import io.resourcemanager.allocation.domain.Allocation;
import io.resourcemanager.allocation.domain.AllocationRequest;
import io.resourcemanager.allocation.domain.AllocationStatus;
import io.resourcemanager.allocation.domain.Priority;
import io.resourcemanager.allocation.domain.Resources;
import io.resourcemanager.allocation.domain.WorkerPlacement;
import io.resourcemanager.events.AllocationRequested;
import io.resourcemanager.events.AllocationState;
import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.OnInsufficient;
import io.resourcemanager.events.WorkerAssignment;
import java.time.Instant;

/** Maps allocations between the domain and their Avro records. */
public final class AllocationRecords {

    private AllocationRecords() {
    }

    /** The domain request of an {@code AllocationRequested} event; the default shape fills a missing one. */
    public static AllocationRequest request(AllocationRequested event, Resources defaultShape, Instant requestedAt) {
        Resources shape = event.getWorkerShape() == null ? defaultShape : resources(event.getWorkerShape());
        return new AllocationRequest(event.getRequestId(), event.getAllocationId(), event.getCluster(), event.getJobId(),
                event.getMcpServers(), event.getWorkers(), shape, priority(event.getPriority()), event.getTtlSeconds(),
                event.getMetadata(), event.getTargetPool(), event.getTargetTemplate(),
                event.getOnInsufficient() == OnInsufficient.QUEUE, requestedAt);
    }

    /** The state record of an allocation. */
    public static AllocationState state(Allocation allocation, Integer queuePosition, EventHeader header) {
        AllocationRequest request = allocation.request();
        return AllocationState.newBuilder()
                .setHeader(header)
                .setAllocationId(allocation.id())
                .setJobId(request.jobId())
                .setCluster(request.cluster())
                .setState(io.resourcemanager.events.AllocationStatus.valueOf(allocation.status().name()))
                .setPriority(io.resourcemanager.events.Priority.valueOf(request.priority().name()))
                .setResources(resources(request.demand()))
                .setWorkers(assignments(allocation.placements()))
                .setMcpServers(request.mcpServers())
                .setTtlSeconds(request.ttlSeconds())
                .setCreatedAt(request.requestedAt())
                .setActivatedAt(allocation.activatedAt())
                .setReleasedAt(allocation.finishedAt())
                .setError(allocation.error())
                .setMetadata(request.metadata())
                .setRequestId(request.requestId())
                .setWorkersRequested(request.workers())
                .setWorkerShape(resources(request.shape()))
                .setTargetPool(request.targetPool())
                .setTargetTemplate(request.targetTemplate())
                .setOnInsufficient(request.queueIfInsufficient() ? OnInsufficient.QUEUE : OnInsufficient.FAIL)
                .setQueuePosition(queuePosition)
                .build();
    }

    /** The domain allocation of a state record. */
    public static Allocation allocation(AllocationState state, Resources defaultShape) {
        Resources shape = state.getWorkerShape() == null ? defaultShape : resources(state.getWorkerShape());
        AllocationRequest request = new AllocationRequest(
                state.getRequestId() == null ? state.getAllocationId() : state.getRequestId(), state.getAllocationId(),
                state.getCluster(), state.getJobId(), state.getMcpServers(), state.getWorkersRequested(), shape,
                priority(state.getPriority()), state.getTtlSeconds(), state.getMetadata(), state.getTargetPool(),
                state.getTargetTemplate(), state.getOnInsufficient() == OnInsufficient.QUEUE, state.getCreatedAt());
        return new Allocation(request, status(state.getState()),
                state.getWorkers().stream().map(AllocationRecords::placement).toList(),
                state.getActivatedAt(), state.getReleasedAt(), state.getError());
    }

    static java.util.List<WorkerAssignment> assignments(java.util.List<WorkerPlacement> placements) {
        return placements.stream().map(AllocationRecords::assignment).toList();
    }

    static io.resourcemanager.events.Resources resources(Resources resources) {
        return io.resourcemanager.events.Resources.newBuilder()
                .setCpuMillis(resources.cpuMillis())
                .setMemoryMb(resources.memoryMb())
                .setGpu(resources.gpu())
                .setPods(0)
                .build();
    }

    static Resources resources(io.resourcemanager.events.Resources resources) {
        return new Resources(resources.getCpuMillis(), resources.getMemoryMb(), resources.getGpu());
    }

    static Priority priority(io.resourcemanager.events.Priority priority) {
        return priority == io.resourcemanager.events.Priority.UNKNOWN ? Priority.NORMAL : Priority.valueOf(priority.name());
    }

    private static AllocationStatus status(io.resourcemanager.events.AllocationStatus status) {
        return status == io.resourcemanager.events.AllocationStatus.UNKNOWN
                ? AllocationStatus.FAILED : AllocationStatus.valueOf(status.name());
    }

    private static WorkerAssignment assignment(WorkerPlacement placement) {
        return WorkerAssignment.newBuilder()
                .setWorkerId(placement.workerId())
                .setNode(placement.node())
                .setPool(placement.pool())
                .setCpuMillis(placement.resources().cpuMillis())
                .setMemoryMb(placement.resources().memoryMb())
                .setGpu(placement.resources().gpu())
                .build();
    }

    private static WorkerPlacement placement(WorkerAssignment assignment) {
        return new WorkerPlacement(assignment.getWorkerId(), assignment.getNode(), assignment.getPool(),
                new Resources(assignment.getCpuMillis(), assignment.getMemoryMb(), assignment.getGpu()));
    }
}
