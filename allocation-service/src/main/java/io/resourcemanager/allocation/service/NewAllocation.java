package io.resourcemanager.allocation.service;

import io.resourcemanager.allocation.domain.Priority;
import java.util.List;
import java.util.Map;

/**
 * A validated request_resources input.
 *
 * @param requestId caller's idempotency key, or null to generate one
 * @param jobId the job
 * @param mcpServers MCP servers the job needs
 * @param workers worker slots
 * @param cpuMillis CPU per worker, or null for the default shape
 * @param memoryMb memory per worker, or null for the default shape
 * @param gpu GPUs per worker
 * @param priority priority class
 * @param ttlSeconds lifetime once active
 * @param metadata free-form labels
 * @param pool target pool, or null
 * @param template target template, or null
 * @param queueIfInsufficient wait instead of failing when capacity is short
 */
public record NewAllocation(String requestId, String jobId, List<String> mcpServers, int workers, Long cpuMillis,
                            Long memoryMb, int gpu, Priority priority, long ttlSeconds, Map<String, String> metadata,
                            String pool, String template, boolean queueIfInsufficient) {
}
