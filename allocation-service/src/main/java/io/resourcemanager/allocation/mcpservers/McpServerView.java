package io.resourcemanager.allocation.mcpservers;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;

/**
 * What an API client learns about one MCP server.
 *
 * @param name the server name, for example {@code filesystem}
 * @param endpoint URL of its Service, for example {@code http://10.0.0.5:8080}; null when the server
 *        is unknown or has no Service. Reported whatever the status: a stopped server keeps its address.
 * @param status the server's status
 */
public record McpServerView(String name, @Nullable String endpoint, McpServerStatus status) {

    public McpServerView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    /** A server no MCP server Deployment is known for. */
    public static McpServerView unknown(String name) {
        return new McpServerView(name, null, McpServerStatus.UNKNOWN);
    }
}
