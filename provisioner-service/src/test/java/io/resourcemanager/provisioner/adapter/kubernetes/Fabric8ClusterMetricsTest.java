package io.resourcemanager.provisioner.adapter.kubernetes;

import static io.resourcemanager.provisioner.adapter.kubernetes.ClusterFixtures.aPod;
import static io.resourcemanager.provisioner.adapter.kubernetes.ClusterFixtures.aRunningPod;
import static io.resourcemanager.provisioner.adapter.kubernetes.ClusterFixtures.create;
import static io.resourcemanager.provisioner.adapter.kubernetes.ClusterFixtures.requesting;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.resourcemanager.provisioner.domain.infra.ClusterMetrics.NodeUsage;
import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.SimulatorConfig;
import io.resourcemanager.simulator.kubernetes.KubernetesClients;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Node usage and pending pods read from the simulated cluster (its metrics-server and pod list). */
class Fabric8ClusterMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static InfraSimulator simulator;
    private static KubernetesClient client;
    private static Fabric8ClusterMetrics metrics;

    @BeforeAll
    static void start() {
        simulator = InfraSimulator.start(SimulatorConfig.defaults().withProxmoxPort(0).withKubernetesPort(0)
                .withTimeScale(0.01));
        client = KubernetesClients.connect(simulator.kubernetesUrl());
        metrics = new Fabric8ClusterMetrics(client);
    }

    @AfterAll
    static void stop() {
        client.close();
        simulator.close();
    }

    @Test
    void shouldReportTheRequestsOfPodsPlacedOnANodeAsItsUsage() {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(metrics.nodeUsage())
                .containsKeys("worker-permanent-001", "worker-permanent-002", "worker-permanent-003"));
        NodeUsage idle = metrics.nodeUsage().get("worker-permanent-001");

        create(client, requesting(aRunningPod("train-1", "train", "worker-permanent-001"), "1500m", "2Gi"));
        create(client, requesting(aRunningPod("train-2", "train", "worker-permanent-001"), "500m", "512Mi"));

        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(metrics.nodeUsage().get("worker-permanent-001"))
                .isEqualTo(new NodeUsage(idle.cpuMillis() + 2_000, idle.memoryMb() + 2_560)));
        assertThat(metrics.nodeUsage().get("worker-permanent-002")).isEqualTo(idle);
    }

    @Test
    void shouldCountPodsWaitingForANodeByTheirTargetPool() {
        create(client, aPod("burst-wait-1", "batch").editSpec().addToNodeSelector("node-pool", "burst").endSpec());
        create(client, aPod("burst-wait-2", "batch").editSpec().addToNodeSelector("node-pool", "burst").endSpec());
        create(client, aPod("gpu-wait-1", "inference").editSpec().addToNodeSelector("node-pool", "gpu").endSpec());
        create(client, aPod("any-wait-1", "web"));
        create(client, aRunningPod("bound-1", "web", "worker-permanent-002")
                .editSpec().addToNodeSelector("node-pool", "permanent").endSpec());

        assertThat(metrics.pendingPodsByPool()).isEqualTo(Map.of("burst", 2, "gpu", 1, "", 1));
    }
}
