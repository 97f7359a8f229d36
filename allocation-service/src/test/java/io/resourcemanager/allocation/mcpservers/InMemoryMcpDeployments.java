package io.resourcemanager.allocation.mcpservers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An honest in-memory {@link McpDeployments}: records every call and fails the next one when told to. */
final class InMemoryMcpDeployments implements McpDeployments {

    private final Map<String, McpDeployment> deployments = new TreeMap<>();
    private final Map<String, String> endpoints = new TreeMap<>();
    private final List<String> calls = new ArrayList<>();
    private RuntimeException nextFailure;
    private RuntimeException nextScaleFailure;

    /** Adds a server with its Deployment {@code mcp-<server>} at {@code replicas} and an endpoint. */
    synchronized InMemoryMcpDeployments withServer(String server, int replicas) {
        deployments.put(server, new McpDeployment(server, "mcp-" + server, replicas, 0));
        endpoints.put(server, "http://mcp-" + server + ".default.svc:8080");
        return this;
    }

    /** Reports {@code ready} ready replicas for {@code server}, as a Deployment controller would. */
    synchronized void markReady(String server, int ready) {
        McpDeployment d = deployments.get(server);
        deployments.put(server, new McpDeployment(server, d.deployment(), d.desiredReplicas(), ready));
    }

    /** The next call throws {@code failure}. */
    synchronized void failNext(RuntimeException failure) {
        nextFailure = failure;
    }

    /** The next {@code scale} call throws {@code failure}. */
    synchronized void failNextScale(RuntimeException failure) {
        nextScaleFailure = failure;
    }

    /** Every call so far: {@code list}, {@code scale <server> <replicas>}, {@code endpoint <server>}. */
    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The {@code scale} calls so far. */
    synchronized List<String> scaleCalls() {
        return calls.stream().filter(c -> c.startsWith("scale ")).toList();
    }

    /** The desired replicas of {@code server}. */
    synchronized int replicas(String server) {
        return deployments.get(server).desiredReplicas();
    }

    @Override
    public synchronized List<McpDeployment> list() {
        record("list");
        return List.copyOf(deployments.values());
    }

    @Override
    public synchronized void scale(String server, int replicas) {
        record("scale " + server + " " + replicas);
        RuntimeException failure = nextScaleFailure;
        nextScaleFailure = null;
        if (failure != null) {
            throw failure;
        }
        McpDeployment deployment = deployments.get(server);
        if (deployment == null) {
            throw new McpDeploymentException.Refused("No MCP server deployment for server " + server, null);
        }
        deployments.put(server, deployment.withDesiredReplicas(replicas));
    }

    @Override
    public synchronized Optional<String> endpoint(String server) {
        record("endpoint " + server);
        return Optional.ofNullable(endpoints.get(server));
    }

    private void record(String call) {
        calls.add(call);
        RuntimeException failure = nextFailure;
        nextFailure = null;
        if (failure != null) {
            throw failure;
        }
    }
}
