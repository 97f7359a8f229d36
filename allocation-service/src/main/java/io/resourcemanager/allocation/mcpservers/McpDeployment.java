package io.resourcemanager.allocation.mcpservers;

import java.util.Objects;

/**
 * One MCP server Deployment as last observed.
 *
 * @param server the server name, for example {@code filesystem}
 * @param deployment the Deployment's name, for example {@code mcp-filesystem}
 * @param desiredReplicas {@code spec.replicas}
 * @param readyReplicas {@code status.readyReplicas} (0 when not reported)
 */
public record McpDeployment(String server, String deployment, int desiredReplicas, int readyReplicas) {

    public McpDeployment {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(deployment, "deployment");
    }

    /** The same Deployment with another desired replica count. */
    public McpDeployment withDesiredReplicas(int replicas) {
        return new McpDeployment(server, deployment, replicas, readyReplicas);
    }
}
