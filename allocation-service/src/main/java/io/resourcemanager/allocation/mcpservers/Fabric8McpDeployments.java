package io.resourcemanager.allocation.mcpservers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.resourcemanager.kubernetes.KubernetesProperties;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link McpDeployments} over the Kubernetes API (fabric8). */
@Singleton
final class Fabric8McpDeployments implements McpDeployments {

    /** Label whose value names the server (before stripping the name prefix); the object name otherwise. */
    static final String NAME_LABEL = "app.kubernetes.io/name";

    private final KubernetesClient client;
    private final String namespace;
    private final String labelSelector;
    private final String namePrefix;

    Fabric8McpDeployments(KubernetesClient client, McpServerProperties properties, KubernetesProperties kubernetes) {
        this.client = client;
        this.namespace = properties.namespace() != null ? properties.namespace() : kubernetes.namespace();
        this.labelSelector = properties.labelSelector();
        this.namePrefix = properties.namePrefix();
    }

    @Override
    public List<McpDeployment> list() {
        return call("list MCP server deployments", () -> deployments().stream().map(this::observed).toList());
    }

    @Override
    public void scale(String server, int replicas) {
        call("scale MCP server " + server + " to " + replicas, () -> {
            Deployment deployment = deployments().stream().filter(d -> server.equals(serverName(d))).findFirst()
                    .orElseThrow(() -> new McpDeploymentException.Refused(
                            "No MCP server deployment for server " + server + " in namespace " + namespace, null));
            if (desired(deployment) != replicas) {
                client.apps().deployments().inNamespace(namespace).withName(deployment.getMetadata().getName())
                        .scale(replicas);
            }
            return null;
        });
    }

    @Override
    public Optional<String> endpoint(String server) {
        return call("read the service of MCP server " + server, () -> client.services().inNamespace(namespace)
                .withLabelSelector(labelSelector).list().getItems().stream()
                .filter(s -> server.equals(serverName(s)))
                .min(Comparator.comparing(s -> s.getMetadata().getName()))
                .flatMap(service -> ServiceEndpoints.of(service, this::nodes)));
    }

    /** The server name of an MCP server object: its {@value #NAME_LABEL} label or name, without the prefix. */
    String serverName(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        String name = labels != null && labels.get(NAME_LABEL) != null ? labels.get(NAME_LABEL)
                : object.getMetadata().getName();
        return !namePrefix.isEmpty() && name.startsWith(namePrefix) && name.length() > namePrefix.length()
                ? name.substring(namePrefix.length()) : name;
    }

    private List<Deployment> deployments() {
        return client.apps().deployments().inNamespace(namespace).withLabelSelector(labelSelector).list().getItems()
                .stream().sorted(Comparator.comparing(d -> d.getMetadata().getName())).toList();
    }

    private McpDeployment observed(Deployment deployment) {
        Integer ready = deployment.getStatus() == null ? null : deployment.getStatus().getReadyReplicas();
        return new McpDeployment(serverName(deployment), deployment.getMetadata().getName(), desired(deployment),
                ready == null ? 0 : ready);
    }

    private static int desired(Deployment deployment) {
        Integer replicas = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    private List<Node> nodes() {
        return client.nodes().list().getItems();
    }

    private static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            throw classify(what, e);
        }
    }

    /** Timeouts, conflicts, throttling, server errors and unreachable servers (code 0) are retriable. */
    static McpDeploymentException classify(String what, KubernetesClientException e) {
        int code = e.getCode();
        String message = "Could not " + what + " (HTTP " + code + "): " + e.getMessage();
        boolean retriable = code == 0 || code == 408 || code == 409 || code == 429 || code >= 500;
        return retriable ? new McpDeploymentException.Unavailable(message, e)
                : new McpDeploymentException.Refused(message, e);
    }
}
