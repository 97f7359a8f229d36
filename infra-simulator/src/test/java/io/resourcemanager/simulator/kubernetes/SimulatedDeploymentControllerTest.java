package io.resourcemanager.simulator.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.SimulatorConfig;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class SimulatedDeploymentControllerTest {

    @Test
    void shouldReportScaledDeploymentsReadyAfterTheirRolloutAndNoneWhenScaledToZero() {
        try (InfraSimulator simulator = InfraSimulator.start(SimulatorConfig.defaults()
                .withProxmoxPort(0).withKubernetesPort(0).withTimeScale(0.01));
             KubernetesClient client = KubernetesClients.connect(simulator.kubernetesUrl())) {
            client.apps().deployments().inNamespace("default").withName("mcp-github").scale(1);

            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(readyReplicas(client)).isEqualTo(1));

            client.apps().deployments().inNamespace("default").withName("mcp-github").scale(0);

            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(readyReplicas(client)).isZero());
        }
    }

    private static int readyReplicas(KubernetesClient client) {
        Deployment deployment = client.apps().deployments().inNamespace("default").withName("mcp-github").get();
        Integer ready = deployment.getStatus() == null ? null : deployment.getStatus().getReadyReplicas();
        return ready == null ? 0 : ready;
    }
}
