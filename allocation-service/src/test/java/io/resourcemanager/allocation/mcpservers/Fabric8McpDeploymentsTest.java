package io.resourcemanager.allocation.mcpservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.resourcemanager.kubernetes.KubernetesProperties;
import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.SimulatorConfig;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fabric8 adapter against the infrastructure simulator's Kubernetes API server. */
class Fabric8McpDeploymentsTest {

    private InfraSimulator simulator;
    private KubernetesClient client;
    private Fabric8McpDeployments deployments;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSimulator() {
        simulator = InfraSimulator.start(SimulatorConfig.defaults().withProxmoxPort(0).withKubernetesPort(0)
                .withTimeScale(0.01));
        client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(Config.empty()).withMasterUrl(simulator.kubernetesUrl())
                        .withNamespace("default").withHttp2Disable(true).build())
                .withHttpClientBuilderConsumer(http -> http.addOrReplaceInterceptor("record", new Interceptor() {
                    @Override
                    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                        requests.add(request.method() + " " + request.uri().getPath());
                    }
                }))
                .build();
        deployments = new Fabric8McpDeployments(client, McpServerProperties.defaults(),
                new KubernetesProperties(null, false, "default"));
    }

    @AfterEach
    void stopSimulator() {
        client.close();
        simulator.close();
    }

    @Test
    void shouldListTheMcpServerDeploymentsScaledToZero() {
        assertThat(deployments.list()).containsExactly(
                new McpDeployment("database", "mcp-database", 0, 0),
                new McpDeployment("filesystem", "mcp-filesystem", 0, 0),
                new McpDeployment("github", "mcp-github", 0, 0));
    }

    @Test
    void shouldScaleThroughTheKubernetesApi() {
        deployments.scale("filesystem", 1);

        assertThat(deployment("mcp-filesystem").get().getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployments.list()).contains(new McpDeployment("filesystem", "mcp-filesystem", 1, 0));
    }

    @Test
    void shouldNotWriteWhenTheDeploymentAlreadyHasTheReplicas() {
        deployments.scale("github", 0);
        deployments.scale("filesystem", 1);
        deployments.scale("filesystem", 1);

        assertThat(requests).filteredOn(request -> !request.startsWith("GET "))
                .containsExactly("PUT /apis/apps/v1/namespaces/default/deployments/mcp-filesystem/scale");
    }

    @Test
    void shouldRefuseToScaleAnUnknownServer() {
        assertThatThrownBy(() -> deployments.scale("slack", 1))
                .isInstanceOf(McpDeploymentException.Refused.class).hasMessageContaining("slack");
    }

    @Test
    void shouldReadTheEndpointFromTheService() {
        assertThat(deployments.endpoint("filesystem")).contains("http://mcp-filesystem.default.svc:8080");

        client.services().inNamespace("default").withName("mcp-filesystem")
                .edit(s -> new ServiceBuilder(s).editSpec().withClusterIP("10.96.0.15").endSpec().build());
        assertThat(deployments.endpoint("filesystem")).contains("http://10.96.0.15:8080");

        client.services().inNamespace("default").withName("mcp-filesystem").edit(s -> new ServiceBuilder(s)
                .editSpec().withType("NodePort").editFirstPort().withNodePort(30080).endPort().endSpec().build());
        assertThat(deployments.endpoint("filesystem")).contains("http://10.10.0.101:30080");
    }

    @Test
    void shouldHaveNoEndpointForAnUnknownServer() {
        assertThat(deployments.endpoint("slack")).isEmpty();
    }

    @Test
    void shouldDriveTheLifecycleThroughTheSimulator() {
        McpServerLifecycle lifecycle = new McpServerLifecycle(() -> Map.of("filesystem", 1), deployments,
                McpServerProperties.defaults(), Clock.systemUTC(), Runnable::run);

        lifecycle.reconcile();

        assertThat(deployment("mcp-filesystem").get().getSpec().getReplicas()).isEqualTo(1);
        assertThat(lifecycle.describe(List.of("filesystem", "github", "slack"))).containsExactly(
                new McpServerView("filesystem", "http://mcp-filesystem.default.svc:8080", McpServerStatus.STARTING),
                new McpServerView("github", "http://mcp-github.default.svc:8080", McpServerStatus.STOPPED),
                McpServerView.unknown("slack"));
    }

    @Test
    void shouldClassifyApiErrors() {
        assertThat(Fabric8McpDeployments.classify("list", new KubernetesClientException("down", 503, null)).retriable())
                .isTrue();
        assertThat(Fabric8McpDeployments.classify("list", new KubernetesClientException("io", 0, null)).retriable())
                .isTrue();
        assertThat(Fabric8McpDeployments.classify("scale", new KubernetesClientException("busy", 409, null)))
                .isInstanceOf(McpDeploymentException.Unavailable.class);
        assertThat(Fabric8McpDeployments.classify("list", new KubernetesClientException("no", 403, null)))
                .isInstanceOf(McpDeploymentException.Refused.class);
    }

    private RollableScalableResource<Deployment> deployment(String name) {
        return client.apps().deployments().inNamespace("default").withName(name);
    }
}
