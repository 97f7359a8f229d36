package io.resourcemanager.allocation.mcpservers;

import java.util.Map;

/** Which MCP servers the active allocations use, as the allocation ledger knows it. */
public interface McpServerReferences {

    /**
     * How many active allocations reference each MCP server, by server name (for example
     * {@code filesystem}). Servers no active allocation references may be absent or map to 0.
     * Called from a scheduler thread, never from a Kafka Streams thread; it should answer from local
     * state without waiting on the network.
     *
     * @throws RuntimeException when the references cannot be read right now (for example while a store
     *         restores); the lifecycle then changes nothing this round
     */
    Map<String, Integer> activeReferences();
}
