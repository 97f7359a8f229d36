package io.resourcemanager.allocation.service;

import io.micronaut.context.annotation.Requires;
import io.resourcemanager.allocation.mcpservers.McpServerLifecycle;
import io.resourcemanager.allocation.mcpservers.McpServerView;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MCP servers managed through Kubernetes: granted allocations start theirs at once. */
@Singleton
@Requires(beans = McpServerLifecycle.class)
final class ManagedMcpServers implements McpServerEndpoints {

    private final McpServerLifecycle lifecycle;

    ManagedMcpServers(McpServerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public List<Map<String, Object>> forGrantedAllocation(List<String> names) {
        lifecycle.ensureStarted(names);
        return lifecycle.describe(names).stream().map(ManagedMcpServers::entry).toList();
    }

    private static Map<String, Object> entry(McpServerView view) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", view.name());
        entry.put("endpoint", view.endpoint());
        entry.put("status", view.status().wireName());
        return entry;
    }
}
