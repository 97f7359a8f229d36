package io.resourcemanager.simulator.kubernetes;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/**
 * The MCP server workloads every cluster of the resource manager carries: one Deployment (scaled to
 * zero until an allocation needs it) and one ClusterIP Service per server.
 */
public final class McpServers {

    /** Namespace of the MCP servers. */
    public static final String NAMESPACE = "default";
    /** Names of the Deployments and Services. */
    public static final List<String> NAMES = List.of("mcp-filesystem", "mcp-github", "mcp-database");
    /** Label marking MCP server workloads. */
    public static final String COMPONENT_LABEL = "app.kubernetes.io/component";
    /** Value of {@link #COMPONENT_LABEL}. */
    public static final String COMPONENT = "mcp-server";
    /** Port of every MCP server Service and container. */
    public static final int PORT = 8080;

    private static final String NAME_LABEL = "app.kubernetes.io/name";

    private McpServers() {
    }

    /** Creates, for each MCP server, its Deployment (0 replicas) and Service. */
    public static void deploy(KubernetesClient client) {
        NAMES.forEach(name -> deploy(client, name));
    }

    private static void deploy(KubernetesClient client, String name) {
        Map<String, String> labels = Map.of(NAME_LABEL, name, COMPONENT_LABEL, COMPONENT,
                "app.kubernetes.io/part-of", "resource-manager");
        Map<String, String> selector = Map.of(NAME_LABEL, name);
        client.apps().deployments().inNamespace(NAMESPACE).resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(0)
                .withNewSelector().withMatchLabels(selector).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName(name)
                .withImage("mcp/" + name.substring("mcp-".length()) + ":latest")
                .addNewPort().withName("http").withContainerPort(PORT).endPort()
                .endContainer().endSpec()
                .endTemplate()
                .endSpec().build()).create();
        client.services().inNamespace(NAMESPACE).resource(new ServiceBuilder()
                .withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withType("ClusterIP").withSelector(selector)
                .addNewPort().withName("http").withPort(PORT).withTargetPort(new IntOrString(PORT)).endPort()
                .endSpec().build()).create();
    }
}
