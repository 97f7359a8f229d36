package io.resourcemanager.allocation.topology;

import io.resourcemanager.allocation.domain.Allocation;
import io.resourcemanager.allocation.domain.LedgerEvent;
import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationExpired;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.AllocationPreempted;
import io.resourcemanager.events.AllocationQueued;
import io.resourcemanager.events.AllocationRejected;
import io.resourcemanager.events.AllocationReleased;
import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.Priority;
import java.time.Instant;
import java.util.Optional;

/** Maps ledger decisions to the events of {@code rm.allocation.events}. */
final class LedgerEventRecords {

    private LedgerEventRecords() {
    }

    /**
     * The event announcing {@code event}, or empty for changes that only update state (moves, positions,
     * deadline extensions: {@code rm.allocation.events} has no event for them).
     */
    static Optional<AllocationEventEnvelope> of(LedgerEvent event, EventHeader header, Instant now) {
        Object payload = payload(event, now);
        return payload == null ? Optional.empty()
                : Optional.of(AllocationEventEnvelope.newBuilder().setHeader(header).setPayload(payload).build());
    }

    private static Object payload(LedgerEvent event, Instant now) {
        Allocation allocation = event.allocation();
        String id = allocation.id();
        String job = allocation.request().jobId();
        if (event instanceof LedgerEvent.Granted) {
            return AllocationGranted.newBuilder()
                    .setAllocationId(id).setRequestId(allocation.request().requestId()).setJobId(job)
                    .setPriority(Priority.valueOf(allocation.request().priority().name()))
                    .setResources(AllocationRecords.resources(allocation.held()))
                    .setWorkers(AllocationRecords.assignments(allocation.placements()))
                    .setMcpServers(allocation.request().mcpServers())
                    .setTtlSeconds(allocation.request().ttlSeconds())
                    .setActivatedAt(allocation.activatedAt())
                    .setMetadata(allocation.request().metadata())
                    .build();
        }
        if (event instanceof LedgerEvent.Queued queued) {
            return AllocationQueued.newBuilder()
                    .setAllocationId(id).setRequestId(allocation.request().requestId()).setJobId(job)
                    .setPriority(Priority.valueOf(allocation.request().priority().name()))
                    .setRequested(AllocationRecords.resources(allocation.request().demand()))
                    .setQueuePosition(queued.position()).setReason(queued.reason())
                    .setCountsAsDemand(queued.countsAsDemand())
                    .build();
        }
        if (event instanceof LedgerEvent.Rejected) {
            return AllocationRejected.newBuilder()
                    .setAllocationId(id).setRequestId(allocation.request().requestId()).setJobId(job)
                    .setError(allocation.error())
                    .build();
        }
        if (event instanceof LedgerEvent.Released released) {
            return AllocationReleased.newBuilder()
                    .setAllocationId(id).setJobId(job)
                    .setFreed(AllocationRecords.resources(released.freed()))
                    .setWorkersReleased(released.workersReleased())
                    .setReleasedAt(released.releasedAt())
                    .setDurationSeconds(allocation.heldFor(released.releasedAt()).toSeconds())
                    .build();
        }
        if (event instanceof LedgerEvent.Expired expired) {
            return AllocationExpired.newBuilder()
                    .setAllocationId(id).setJobId(job)
                    .setDeadline(allocation.activatedAt().plusSeconds(allocation.request().ttlSeconds()))
                    .setFreed(AllocationRecords.resources(expired.freed()))
                    .setExpiredAt(now)
                    .build();
        }
        if (event instanceof LedgerEvent.Preempted preempted) {
            return AllocationPreempted.newBuilder()
                    .setAllocationId(id).setJobId(job)
                    .setReason(preempted.reason()).setPreemptedBy(preempted.preemptedBy())
                    .setFreed(AllocationRecords.resources(preempted.freed()))
                    .build();
        }
        return null;
    }
}
