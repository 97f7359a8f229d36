package io.resourcemanager.provisioner.benchmark;

import io.resourcemanager.events.AllocationState;
import io.resourcemanager.events.AllocationStatus;
import io.resourcemanager.events.Resources;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.topics.Topics;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Allocation states as the allocation service writes them to {@code rm.allocations}: a batch of
 * one-worker allocations queued for the default pool (the autoscaler's demand), and their end.
 */
final class QueuedAllocations {

    private static final String PRODUCER = "provisioner-benchmark";
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final EventPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    QueuedAllocations(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Writes {@code ids} as QUEUED (no target pool: the default pool); returns once the broker acknowledged all. */
    void queue(List<String> ids) throws Exception {
        write(ids, AllocationStatus.QUEUED);
    }

    /** Writes {@code ids} as FAILED, which ends their demand; returns once the broker acknowledged all. */
    void fail(List<String> ids) throws Exception {
        write(ids, AllocationStatus.FAILED);
    }

    private void write(List<String> ids, AllocationStatus status) throws Exception {
        CompletableFuture.allOf(ids.stream()
                .map(id -> publisher.publish(Topics.ALLOCATIONS, id, state(id, status)))
                .toArray(CompletableFuture[]::new)).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private AllocationState state(String id, AllocationStatus status) {
        return AllocationState.newBuilder()
                .setHeader(EventHeaders.first(PRODUCER, clock))
                .setAllocationId(id)
                .setJobId("job-" + id)
                .setCluster("local")
                .setState(status)
                .setResources(Resources.newBuilder().setCpuMillis(1_000).setMemoryMb(2_048).build())
                .setWorkersRequested(1)
                .setTtlSeconds(3_600)
                .setCreatedAt(clock.instant())
                .setTargetPool(null)
                .build();
    }
}
