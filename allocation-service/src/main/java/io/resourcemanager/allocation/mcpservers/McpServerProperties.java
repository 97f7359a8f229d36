package io.resourcemanager.allocation.mcpservers;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/**
 * Settings of the MCP server lifecycle, under {@value #PREFIX}.
 *
 * @param idleTimeout how long a server keeps running once no active allocation references it (10m)
 * @param reconcileInterval pause between two reconcile rounds (5s)
 * @param namespace namespace of the MCP server Deployments and Services; absent: {@code rm.kubernetes.namespace}
 * @param labelSelector selects the MCP server Deployments and Services ({@code app.kubernetes.io/component=mcp-server})
 * @param namePrefix stripped from a Deployment's name to get the server name ({@code mcp-})
 * @param requireReady whether {@code running} needs a ready replica (true); false counts a desired
 *        replica as running, for clusters without a Deployment controller such as the simulator
 */
@ConfigurationProperties(McpServerProperties.PREFIX)
public record McpServerProperties(@Bindable(defaultValue = "10m") Duration idleTimeout,
                                  @Bindable(defaultValue = "5s") Duration reconcileInterval,
                                  @Nullable String namespace,
                                  @Bindable(defaultValue = "app.kubernetes.io/component=mcp-server")
                                  @NotBlank String labelSelector,
                                  @Bindable(defaultValue = "mcp-") String namePrefix,
                                  @Bindable(defaultValue = "true") boolean requireReady) {

    /** Configuration prefix. */
    public static final String PREFIX = "rm.mcp-servers";

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the first invalid key
     */
    public McpServerProperties {
        require(idleTimeout != null && !idleTimeout.isNegative(), "idle-timeout must be zero or more");
        require(reconcileInterval != null && !reconcileInterval.isNegative() && !reconcileInterval.isZero(),
                "reconcile-interval must be positive");
        require(labelSelector != null && !labelSelector.isBlank(), "label-selector must not be blank");
        namePrefix = namePrefix == null ? "" : namePrefix;
        namespace = namespace == null || namespace.isBlank() ? null : namespace;
    }

    /** The defaults, as configuration without an {@value #PREFIX} section gets them. */
    public static McpServerProperties defaults() {
        return new McpServerProperties(Duration.ofMinutes(10), Duration.ofSeconds(5), null,
                "app.kubernetes.io/component=mcp-server", "mcp-", true);
    }

    /** Copy with another idle timeout. */
    public McpServerProperties withIdleTimeout(Duration value) {
        return new McpServerProperties(value, reconcileInterval, namespace, labelSelector, namePrefix, requireReady);
    }

    /** Copy with another namespace. */
    public McpServerProperties withNamespace(String value) {
        return new McpServerProperties(idleTimeout, reconcileInterval, value, labelSelector, namePrefix, requireReady);
    }

    /** Copy with another readiness rule. */
    public McpServerProperties withRequireReady(boolean value) {
        return new McpServerProperties(idleTimeout, reconcileInterval, namespace, labelSelector, namePrefix, value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(PREFIX + "." + message);
        }
    }
}
