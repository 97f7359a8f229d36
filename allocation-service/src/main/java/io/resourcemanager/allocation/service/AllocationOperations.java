package io.resourcemanager.allocation.service;

import io.resourcemanager.allocation.config.AllocationProperties;
import io.resourcemanager.allocation.domain.Allocation;
import io.resourcemanager.allocation.domain.AllocationStatus;
import io.resourcemanager.allocation.domain.Resources;
import io.resourcemanager.allocation.topology.AllocationQueries;
import io.resourcemanager.events.AllocationExpired;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.AllocationPreempted;
import io.resourcemanager.events.AllocationQueued;
import io.resourcemanager.events.AllocationRejected;
import io.resourcemanager.events.AllocationReleased;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The six operations of the allocation API (SPEC §1), one implementation behind REST and MCP.
 * Writes go through the ledger on Kafka with a bounded wait for its decision; reads come from the
 * local views.
 */
@Singleton
public final class AllocationOperations {

    private final AllocationInputParser parser;
    private final AllocationRequests requests;
    private final DecisionWaiter decisions;
    private final AllocationQueries queries;
    private final McpServerEndpoints mcpServers;
    private final AllocationProperties properties;
    private final Clock clock;

    AllocationOperations(AllocationInputParser parser, AllocationRequests requests, DecisionWaiter decisions,
                         AllocationQueries queries, McpServerEndpoints mcpServers, AllocationProperties properties,
                         Clock clock) {
        this.parser = parser;
        this.requests = requests;
        this.decisions = decisions;
        this.queries = queries;
        this.mcpServers = mcpServers;
        this.properties = properties;
        this.clock = clock;
    }

    /** request_resources: grants, queues or refuses; {@link InvalidInputException} names a bad field. */
    public Reply request(Map<String, Object> input) {
        NewAllocation allocation = parser.parse(input);
        String allocationId = AllocationIds.forRequest(allocation.requestId());
        Optional<Map<String, Object>> earlier = get(allocationId);
        if (earlier.isPresent()) {
            return new Reply(Reply.Outcome.DECIDED, earlier.get());
        }
        CompletableFuture<Object> decision = decisions.await(allocationId, payload -> payload instanceof AllocationGranted
                || payload instanceof AllocationRejected || payload instanceof AllocationQueued);
        requests.requestAllocation(allocationId, allocation);
        return await(decision).map(payload -> new Reply(Reply.Outcome.DECIDED, requestBody(allocationId, payload)))
                .orElseGet(() -> new Reply(Reply.Outcome.PENDING, AllocationViews.pending(allocationId)));
    }

    /** release_resources: frees what the allocation holds, once. */
    public Reply release(String allocationId) {
        Optional<Allocation> known = queries.find(allocationId);
        if (known.isEmpty()) {
            return new Reply(Reply.Outcome.NOT_FOUND, AllocationViews.notFound(allocationId));
        }
        Allocation allocation = known.get();
        if (allocation.status() == AllocationStatus.FAILED) {
            return new Reply(Reply.Outcome.DECIDED, AllocationViews.released(allocationId, allocation.request().jobId(),
                    0, Resources.NONE, allocation.request().requestedAt(), 0));
        }
        if (allocation.status().isFinal()) {
            return new Reply(Reply.Outcome.DECIDED, AllocationViews.alreadyReleased(allocationId, allocation.finishedAt()));
        }
        CompletableFuture<Object> decision = decisions.await(allocationId, payload -> payload instanceof AllocationReleased
                || payload instanceof AllocationExpired || payload instanceof AllocationPreempted);
        requests.requestRelease(allocationId, allocation.request().cluster());
        return await(decision).map(payload -> new Reply(Reply.Outcome.DECIDED, releaseBody(allocation, payload)))
                .orElseGet(() -> new Reply(Reply.Outcome.PENDING, AllocationViews.pending(allocationId)));
    }

    /** get_allocation. */
    public Optional<Map<String, Object>> get(String allocationId) {
        Instant now = clock.instant();
        return queries.find(allocationId).map(allocation ->
                AllocationViews.detail(allocation, queries.queuePosition(allocationId).orElse(null), now));
    }

    /** list_allocations, filters combined, in creation order. */
    public List<Map<String, Object>> list(Optional<AllocationStatus> state, Optional<String> jobId) {
        Instant now = clock.instant();
        return queries.list(allocation -> state.map(s -> s == allocation.status()).orElse(true)
                        && jobId.map(j -> j.equals(allocation.request().jobId())).orElse(true))
                .stream().map(allocation -> AllocationViews.summary(allocation, now)).toList();
    }

    /** get_capacity of this service's cluster. */
    public Map<String, Object> capacity() {
        return AllocationViews.capacity(queries.capacity(properties.cluster()));
    }

    /** cleanup_expired: asks the ledger to expire every active allocation past its TTL and waits for it. */
    public Map<String, Object> cleanupExpired() {
        Instant now = clock.instant();
        List<Allocation> expired = queries.list(allocation -> allocation.isExpired(now));
        List<String> cleaned = new ArrayList<>();
        List<CompletableFuture<Object>> waits = new ArrayList<>();
        for (Allocation allocation : expired) {
            waits.add(decisions.await(allocation.id(), AllocationExpired.class::isInstance));
            requests.requestExpiry(allocation.id(), allocation.request().cluster());
        }
        for (int i = 0; i < expired.size(); i++) {
            if (await(waits.get(i)).isPresent()) {
                cleaned.add(expired.get(i).id());
            }
        }
        return Map.of("cleaned_up", cleaned, "count", cleaned.size());
    }

    private Map<String, Object> requestBody(String allocationId, Object payload) {
        if (payload instanceof AllocationGranted granted) {
            return AllocationViews.granted(granted, mcpServers.forGrantedAllocation(granted.getMcpServers()));
        }
        if (payload instanceof AllocationQueued queued) {
            return AllocationViews.queued(allocationId, queued.getJobId(), queued.getQueuePosition(), queued.getReason());
        }
        return AllocationViews.failed(allocationId, ((AllocationRejected) payload).getError());
    }

    private static Map<String, Object> releaseBody(Allocation allocation, Object payload) {
        if (payload instanceof AllocationReleased released) {
            return AllocationViews.released(allocation.id(), released.getJobId(), released.getWorkersReleased(),
                    new Resources(released.getFreed().getCpuMillis(), released.getFreed().getMemoryMb(),
                            released.getFreed().getGpu()), released.getReleasedAt(),
                    released.getDurationSeconds());
        }
        return AllocationViews.alreadyReleased(allocation.id(), null);
    }

    private Optional<Object> await(CompletableFuture<Object> decision) {
        try {
            return Optional.of(decision.get(properties.decisionTimeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            decision.cancel(false);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Waiting for the ledger failed", e.getCause());
        }
    }
}
