package io.resourcemanager.allocation.service;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Used when MCP server lifecycle management is not available: endpoints unknown. */
@Singleton
@Secondary
final class UnknownMcpServers implements McpServerEndpoints {

    @Override
    public List<Map<String, Object>> forGrantedAllocation(List<String> names) {
        return names.stream().map(name -> {
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("name", name);
            server.put("endpoint", null);
            server.put("status", "unknown");
            return server;
        }).toList();
    }
}
