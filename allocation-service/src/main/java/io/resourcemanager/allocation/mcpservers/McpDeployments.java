package io.resourcemanager.allocation.mcpservers;

import java.util.List;
import java.util.Optional;

/**
 * The MCP server Deployments of the cluster: the Deployments carrying the configured MCP server label,
 * each named after its server ({@code mcp-<server>}, or its {@code app.kubernetes.io/name} label).
 */
public interface McpDeployments {

    /**
     * Every MCP server Deployment with its replica counts, sorted by server name.
     *
     * @throws McpDeploymentException.Unavailable when the API server cannot answer now
     * @throws McpDeploymentException.Refused when it refuses (for example, listing is forbidden)
     */
    List<McpDeployment> list();

    /**
     * Sets the desired replicas of {@code server}'s Deployment. Does nothing when it already has them.
     *
     * @throws McpDeploymentException.Refused when no MCP server Deployment has that name, or the change
     *         is refused
     * @throws McpDeploymentException.Unavailable when the API server cannot answer now, or conflicts
     */
    void scale(String server, int replicas);

    /**
     * The URL of {@code server}'s Service, for example {@code http://10.0.0.5:8080}: its LoadBalancer
     * ingress, else a Ready node's address and the node port, else its cluster IP, else its cluster DNS
     * name ({@code <service>.<namespace>.svc}) when no cluster IP is assigned. Empty when the server
     * has no Service.
     *
     * @throws McpDeploymentException.Unavailable when the API server cannot answer now
     * @throws McpDeploymentException.Refused when it refuses the read
     */
    Optional<String> endpoint(String server);
}
