package io.resourcemanager.allocation.service;

import io.resourcemanager.allocation.config.AllocationProperties;
import io.resourcemanager.events.AllocationExpiryRequested;
import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.events.AllocationRequested;
import io.resourcemanager.events.OnInsufficient;
import io.resourcemanager.events.Priority;
import io.resourcemanager.events.ReleaseRequested;
import io.resourcemanager.events.Resources;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes API requests to {@code rm.allocation.requests}, keyed by cluster, and waits for Kafka to accept them. */
@Singleton
final class AllocationRequests {

    private static final String PRODUCER = "allocation-service-api";
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final EventPublisher publisher;
    private final AllocationProperties properties;
    private final Clock clock;

    AllocationRequests(EventPublisher publisher, AllocationProperties properties, Clock clock) {
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    void requestAllocation(String allocationId, NewAllocation allocation) {
        Resources shape = allocation.cpuMillis() == null && allocation.memoryMb() == null && allocation.gpu() == 0 ? null
                : Resources.newBuilder()
                        .setCpuMillis(allocation.cpuMillis() == null ? properties.workerCpuMillis() : allocation.cpuMillis())
                        .setMemoryMb(allocation.memoryMb() == null ? properties.workerMemoryMb() : allocation.memoryMb())
                        .setGpu(allocation.gpu())
                        .setPods(0)
                        .build();
        AllocationRequested requested = AllocationRequested.newBuilder()
                .setRequestId(allocation.requestId() == null ? UUID.randomUUID().toString() : allocation.requestId())
                .setAllocationId(allocationId)
                .setCluster(properties.cluster())
                .setJobId(allocation.jobId())
                .setMcpServers(allocation.mcpServers())
                .setWorkers(allocation.workers())
                .setPriority(Priority.valueOf(allocation.priority().name()))
                .setTtlSeconds(allocation.ttlSeconds())
                .setMetadata(allocation.metadata())
                .setWorkerShape(shape)
                .setTargetPool(allocation.pool())
                .setTargetTemplate(allocation.template())
                .setOnInsufficient(allocation.queueIfInsufficient() ? OnInsufficient.QUEUE : OnInsufficient.FAIL)
                .build();
        send(properties.cluster(), requested);
    }

    void requestRelease(String allocationId, String cluster) {
        send(cluster, ReleaseRequested.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setAllocationId(allocationId).setReason("released through the API").build());
    }

    void requestExpiry(String allocationId, String cluster) {
        send(cluster, AllocationExpiryRequested.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setAllocationId(allocationId).build());
    }

    private void send(String cluster, Object payload) {
        AllocationRequestEnvelope envelope = AllocationRequestEnvelope.newBuilder()
                .setHeader(EventHeaders.first(PRODUCER, clock))
                .setPayload(payload)
                .build();
        try {
            publisher.publish(Topics.ALLOCATION_REQUESTS, cluster, envelope).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending the request to Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not accept the request", e);
        }
    }
}
