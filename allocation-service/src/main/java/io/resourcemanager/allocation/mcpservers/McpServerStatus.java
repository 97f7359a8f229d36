package io.resourcemanager.allocation.mcpservers;

import java.util.Locale;

/** The state of an MCP server as reported to API clients. */
public enum McpServerStatus {
    /** Scaled up and serving (see {@link #of}). */
    RUNNING,
    /** Scaled up, not serving yet. */
    STARTING,
    /** Scaled to zero. */
    STOPPED,
    /** No MCP server Deployment carries that name (or the cluster has not been observed yet). */
    UNKNOWN;

    /**
     * The status of a server whose Deployment exists.
     *
     * @param desiredReplicas the Deployment's {@code spec.replicas}
     * @param readyReplicas the Deployment's {@code status.readyReplicas}
     * @param requireReady when true, {@link #RUNNING} needs a ready replica; when false, a desired
     *        replica is enough (for clusters without a Deployment controller, such as the simulator)
     */
    public static McpServerStatus of(int desiredReplicas, int readyReplicas, boolean requireReady) {
        if (desiredReplicas <= 0) {
            return STOPPED;
        }
        return readyReplicas > 0 || !requireReady ? RUNNING : STARTING;
    }

    /** The lowercase name used on the wire: {@code running}, {@code starting}, {@code stopped}, {@code unknown}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
