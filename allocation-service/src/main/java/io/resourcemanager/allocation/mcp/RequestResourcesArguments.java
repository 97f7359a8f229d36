package io.resourcemanager.allocation.mcp;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.jsonschema.JsonSchema;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The arguments of {@code request_resources} as a client sends them. Clients see the schema in
 * {@code META-INF/schemas/request-resources.schema.json}; the values stay untyped here because the
 * parser shared with REST checks them and names the first bad field, so a wrong type is a tool
 * error like any other invalid input.
 *
 * @param jobId job the allocation is for (required)
 * @param mcpServers names of the MCP servers the job needs (required, may be empty)
 * @param workers number of worker slots
 * @param priority low, normal, high or critical
 * @param ttlSeconds lifetime of the allocation
 * @param metadata free-form string map
 * @param cpu cores per worker
 * @param memory MB per worker
 * @param gpu GPUs per worker
 * @param pool target pool
 * @param template node template
 * @param onInsufficient fail or queue
 * @param requestId idempotency key
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonSchema(uri = "/request-resources")
record RequestResourcesArguments(@Nullable Object jobId, @Nullable Object mcpServers, @Nullable Object workers,
                                 @Nullable Object priority, @Nullable Object ttlSeconds, @Nullable Object metadata,
                                 @Nullable Object cpu, @Nullable Object memory, @Nullable Object gpu,
                                 @Nullable Object pool, @Nullable Object template, @Nullable Object onInsufficient,
                                 @Nullable Object requestId) {

    /** The input map of {@code AllocationOperations.request}, with the REST field names; absent values left out. */
    Map<String, Object> toInput() {
        Map<String, Object> input = new LinkedHashMap<>();
        put(input, "job_id", jobId);
        put(input, "mcp_servers", mcpServers);
        put(input, "workers", workers);
        put(input, "priority", priority);
        put(input, "ttl_seconds", ttlSeconds);
        put(input, "metadata", metadata);
        put(input, "cpu", cpu);
        put(input, "memory", memory);
        put(input, "gpu", gpu);
        put(input, "pool", pool);
        put(input, "template", template);
        put(input, "on_insufficient", onInsufficient);
        put(input, "request_id", requestId);
        return input;
    }

    private static void put(Map<String, Object> input, String field, Object value) {
        if (value != null) {
            input.put(field, value);
        }
    }
}
