package io.resourcemanager.allocation.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a job asks for. Validated at the API edge; the ledger trusts its shape.
 *
 * @param requestId idempotency key
 * @param allocationId id the allocation will have
 * @param cluster capacity domain
 * @param jobId the job
 * @param mcpServers MCP servers the job needs
 * @param workers number of worker slots (0 for none)
 * @param shape resources of one worker slot
 * @param priority priority class
 * @param ttlSeconds lifetime once active
 * @param metadata free-form labels (division, project, master, ...)
 * @param targetPool pool the workers must run in, or null for the general-purpose pools
 * @param targetTemplate template the nodes must be built from, or null for any
 * @param queueIfInsufficient wait in the queue instead of failing when capacity is short
 * @param requestedAt when the request was made
 */
public record AllocationRequest(String requestId, String allocationId, String cluster, String jobId,
                                List<String> mcpServers, int workers, Resources shape, Priority priority,
                                long ttlSeconds, Map<String, String> metadata, String targetPool,
                                String targetTemplate, boolean queueIfInsufficient, Instant requestedAt) {

    /** Metadata key naming the division that pays for and owns the allocation. */
    public static final String DIVISION = "division";

    public AllocationRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(allocationId, "allocationId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(requestedAt, "requestedAt");
        mcpServers = List.copyOf(mcpServers);
        metadata = Map.copyOf(metadata);
        if (workers < 0) {
            throw new IllegalArgumentException("workers must not be negative");
        }
    }

    /** This request with another lifetime (a TTL extension). */
    public AllocationRequest withTtlSeconds(long seconds) {
        return new AllocationRequest(requestId, allocationId, cluster, jobId, mcpServers, workers, shape, priority,
                seconds, metadata, targetPool, targetTemplate, queueIfInsufficient, requestedAt);
    }

    /** Everything the request's worker slots need together. */
    public Resources demand() {
        return shape.times(workers);
    }
}
