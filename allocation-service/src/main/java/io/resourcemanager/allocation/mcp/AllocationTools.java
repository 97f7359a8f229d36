package io.resourcemanager.allocation.mcp;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.mcp.annotations.Tool;
import io.micronaut.mcp.annotations.Tool.ToolAnnotations;
import io.micronaut.mcp.annotations.ToolArg;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.resourcemanager.allocation.domain.AllocationStatus;
import io.resourcemanager.allocation.service.AllocationOperations;
import io.resourcemanager.allocation.service.InvalidInputException;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The six MCP tools of the allocation API (SPEC §1). Each maps its arguments to
 * {@link AllocationOperations} and answers with the REST JSON body (see {@link ToolResults}).
 */
@Singleton
final class AllocationTools {

    private final AllocationOperations operations;
    private final ToolResults results;

    AllocationTools(AllocationOperations operations, ToolResults results) {
        this.operations = operations;
        this.results = results;
    }

    @Tool(name = "request_resources", title = "Request resources",
            description = "Allocates worker slots (default 1.0 CPU / 2048 MB each, or the given cpu/memory/gpu) "
                    + "and MCP servers for a job. Answers status active with the workers, failed with the "
                    + "reason, queued (on_insufficient=queue) or pending (poll get_allocation).",
            annotations = @ToolAnnotations(destructiveHint = false, openWorldHint = false))
    CallToolResult requestResources(RequestResourcesArguments arguments) {
        return results.call("request_resources", () -> results.of(operations.request(arguments.toInput())));
    }

    @Tool(name = "release_resources", title = "Release resources",
            description = "Releases an allocation and frees its workers; a second release answers already_released.",
            annotations = @ToolAnnotations(destructiveHint = true, idempotentHint = true, openWorldHint = false))
    CallToolResult releaseResources(@ToolArg(name = "allocation_id", description = "alloc-<12 hex>") String allocationId) {
        return results.call("release_resources", () -> results.of(operations.release(required(allocationId))));
    }

    @Tool(name = "get_capacity", title = "Get capacity",
            description = "Total, allocated and available CPU (cores), memory (MB) and worker slots, running MCP "
                    + "servers, active allocations, and a per-pool breakdown.",
            annotations = @ToolAnnotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true,
                    openWorldHint = false))
    CallToolResult getCapacity() {
        return results.call("get_capacity", () -> results.ok(operations.capacity()));
    }

    @Tool(name = "get_allocation", title = "Get allocation",
            description = "One allocation: state, priority, resources, MCP servers, workers, timestamps, TTL, "
                    + "expiry and metadata.",
            annotations = @ToolAnnotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true,
                    openWorldHint = false))
    CallToolResult getAllocation(@ToolArg(name = "allocation_id", description = "alloc-<12 hex>") String allocationId) {
        return results.call("get_allocation", () -> operations.get(required(allocationId)).map(results::ok)
                .orElseGet(() -> results.notFound(allocationId)));
    }

    @Tool(name = "list_allocations", title = "List allocations",
            description = "Allocations in creation order, optionally filtered by state and job_id (filters combine).",
            annotations = @ToolAnnotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true,
                    openWorldHint = false))
    CallToolResult listAllocations(
            @Nullable @ToolArg(name = "state", description = "pending, queued, active, releasing, released, failed, "
                    + "expired or preempted") String state,
            @Nullable @ToolArg(name = "job_id", description = "only allocations of this job") String jobId) {
        return results.call("list_allocations", () -> results.ok(operations.list(state(state),
                Optional.ofNullable(jobId).filter(j -> !j.isBlank()))));
    }

    @Tool(name = "cleanup_expired", title = "Clean up expired allocations",
            description = "Releases every active allocation past its TTL; answers the ids cleaned up and their count.",
            annotations = @ToolAnnotations(destructiveHint = true, idempotentHint = true, openWorldHint = false))
    CallToolResult cleanupExpired() {
        return results.call("cleanup_expired", () -> results.ok(operations.cleanupExpired()));
    }

    private static String required(String allocationId) {
        if (allocationId == null || allocationId.isBlank()) {
            throw new InvalidInputException("allocation_id", "is required");
        }
        return allocationId.strip();
    }

    private static Optional<AllocationStatus> state(String state) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        String label = state.strip().toLowerCase(Locale.ROOT);
        for (AllocationStatus status : AllocationStatus.values()) {
            if (status.label().equals(label)) {
                return Optional.of(status);
            }
        }
        throw new InvalidInputException("state", "must be one of " + Arrays.stream(AllocationStatus.values())
                .map(AllocationStatus::label).toList() + ", got '" + state + "'");
    }
}
