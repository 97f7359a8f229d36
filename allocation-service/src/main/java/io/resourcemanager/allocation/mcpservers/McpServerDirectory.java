package io.resourcemanager.allocation.mcpservers;

import java.util.Collection;
import java.util.List;

/** Read-only view of the MCP servers, for the allocation API. Answers without calling Kubernetes. */
public interface McpServerDirectory {

    /**
     * One view per distinct name, in the order given. A name without an MCP server Deployment is
     * {@link McpServerStatus#UNKNOWN} with no endpoint; so is every name before the cluster was first
     * observed (within one reconcile interval of start).
     */
    List<McpServerView> describe(Collection<String> names);

    /** Every MCP server Deployment of the latest observation, sorted by name. */
    List<McpServerView> all();
}
