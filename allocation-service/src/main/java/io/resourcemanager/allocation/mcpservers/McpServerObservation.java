package io.resourcemanager.allocation.mcpservers;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MCP server Deployments and endpoints as last observed; immutable, replaced as a whole.
 *
 * @param deployments the Deployments by server name
 * @param endpoints the endpoints by server name (servers without a Service are absent)
 */
record McpServerObservation(Map<String, McpDeployment> deployments, Map<String, String> endpoints) {

    /** Nothing observed yet: every server is unknown. */
    static final McpServerObservation NONE = new McpServerObservation(Map.of(), Map.of());

    McpServerObservation {
        deployments = Map.copyOf(deployments);
        endpoints = Map.copyOf(endpoints);
    }

    /** The listed Deployments (the first one wins when two carry the same server name); endpoints carried over. */
    McpServerObservation withDeployments(Collection<McpDeployment> listed) {
        Map<String, McpDeployment> byServer = new HashMap<>();
        listed.forEach(d -> byServer.putIfAbsent(d.server(), d));
        Map<String, String> kept = new HashMap<>(endpoints);
        kept.keySet().retainAll(byServer.keySet());
        return new McpServerObservation(byServer, kept);
    }

    /** The same observation with {@code server}'s endpoint set. */
    McpServerObservation withEndpoint(String server, String endpoint) {
        Map<String, String> changed = new HashMap<>(endpoints);
        changed.put(server, endpoint);
        return new McpServerObservation(deployments, changed);
    }

    /** The same observation with {@code server} at {@code replicas} desired (no change when it is unknown). */
    McpServerObservation withDesiredReplicas(String server, int replicas) {
        McpDeployment deployment = deployments.get(server);
        if (deployment == null) {
            return this;
        }
        Map<String, McpDeployment> changed = new HashMap<>(deployments);
        changed.put(server, deployment.withDesiredReplicas(replicas));
        return new McpServerObservation(changed, endpoints);
    }

    /** The same observation with {@code server}'s endpoint removed. */
    McpServerObservation withoutEndpoint(String server) {
        Map<String, String> changed = new HashMap<>(endpoints);
        changed.remove(server);
        return new McpServerObservation(deployments, changed);
    }

    /** The same observation with each named server that is known and stopped marked as wanting 1 replica. */
    McpServerObservation markStarting(Collection<String> servers) {
        McpServerObservation marked = this;
        for (String server : servers) {
            McpDeployment deployment = deployments.get(server);
            if (deployment != null && deployment.desiredReplicas() <= 0) {
                marked = marked.withDesiredReplicas(server, 1);
            }
        }
        return marked;
    }

    /** Desired replicas by server name, for the planner. */
    Map<String, Integer> replicas() {
        Map<String, Integer> replicas = new HashMap<>();
        deployments.forEach((server, d) -> replicas.put(server, d.desiredReplicas()));
        return replicas;
    }

    /** What an API client learns about {@code server}. */
    McpServerView view(String server, boolean requireReady) {
        McpDeployment deployment = deployments.get(server);
        if (deployment == null) {
            return McpServerView.unknown(server);
        }
        return new McpServerView(server, endpoints.get(server),
                McpServerStatus.of(deployment.desiredReplicas(), deployment.readyReplicas(), requireReady));
    }

    /** Every observed server, sorted by name. */
    List<String> servers() {
        return List.copyOf(new TreeMap<>(deployments).keySet());
    }
}
