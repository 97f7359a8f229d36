package io.resourcemanager.allocation.topology;

import io.resourcemanager.allocation.domain.Allocation;
import io.resourcemanager.allocation.domain.AllocationStatus;
import io.resourcemanager.allocation.mcpservers.McpServerReferences;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;

/** References to MCP servers by the active allocations of every cluster, from the global view. */
@Singleton
final class ActiveMcpReferences implements McpServerReferences {

    private final AllocationQueries queries;

    ActiveMcpReferences(AllocationQueries queries) {
        this.queries = queries;
    }

    @Override
    public Map<String, Integer> activeReferences() {
        Map<String, Integer> references = new TreeMap<>();
        for (Allocation allocation : queries.list(a -> a.status() == AllocationStatus.ACTIVE)) {
            allocation.request().mcpServers().forEach(server -> references.merge(server, 1, Integer::sum));
        }
        return references;
    }
}
