package io.resourcemanager.simulator.kubernetes;

import static io.resourcemanager.simulator.kubernetes.Workloads.aPod;
import static io.resourcemanager.simulator.kubernetes.Workloads.aRunningPod;
import static io.resourcemanager.simulator.kubernetes.Workloads.create;
import static io.resourcemanager.simulator.kubernetes.Workloads.requesting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.testing.FastSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated metrics-server, read through fabric8's {@code top()} API. */
class SimulatedMetricsServerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final BigDecimal MEBIBYTE = BigDecimal.valueOf(1024L * 1024);

    private static InfraSimulator simulator;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        simulator = FastSimulator.start();
        client = KubernetesClients.connectWithoutRetries(simulator.kubernetesUrl());
    }

    @AfterAll
    static void stop() {
        client.close();
        simulator.close();
    }

    @Test
    void shouldReportTheSystemBaselineOfEveryReadyWorker() {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(client.top().nodes().metrics().getItems())
                .extracting(metrics -> metrics.getMetadata().getName())
                .contains("worker-permanent-001", "worker-permanent-002", "worker-permanent-003"));

        NodeMetrics idle = client.top().nodes().metrics("worker-permanent-001");

        assertThat(cpuMillis(idle)).isEqualTo(100);
        assertThat(memoryMib(idle)).isEqualTo(256);
        assertThat(idle.getWindow()).isNotNull();
    }

    @Test
    void shouldAddTheRequestsOfPodsBoundToTheNodeButNotOfFinishedOrPendingOnes() {
        create(client, requesting(aRunningPod("busy-1", "busy", "worker-permanent-002").build(), "500m", "1Gi"));
        create(client, requesting(aRunningPod("busy-2", "busy", "worker-permanent-002").build(), "250m", "512Mi"));
        create(client, requesting(aRunningPod("done-1", "done", "worker-permanent-002")
                .withStatus(new PodStatusBuilder().withPhase("Succeeded").build()).build(), "2", "4Gi"));
        create(client, requesting(aPod("waiting-1", "waiting").build(), "1", "1Gi"));

        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            NodeMetrics busy = client.top().nodes().metrics("worker-permanent-002");
            assertThat(cpuMillis(busy)).isEqualTo(100 + 500 + 250);
            assertThat(memoryMib(busy)).isEqualTo(256 + 1024 + 512);
        });
    }

    @Test
    void shouldSelectNodeMetricsByNodeLabels() {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            assertThat(client.top().nodes().withLabels(Map.of("node-pool", "permanent")).metrics().getItems())
                    .hasSize(3);
            assertThat(client.top().nodes().withLabels(Map.of("node-pool", "burst")).metrics().getItems()).isEmpty();
        });
    }

    @Test
    void shouldAnswerNotFoundForANodeWithoutMetrics() {
        KubernetesClientException error = catchThrowableOfType(KubernetesClientException.class,
                () -> client.top().nodes().metrics("worker-burst-404"));

        assertThat(error.getCode()).isEqualTo(404);
    }

    private static long cpuMillis(NodeMetrics metrics) {
        return Quantity.getAmountInBytes(metrics.getUsage().get("cpu")).movePointRight(3).longValue();
    }

    private static long memoryMib(NodeMetrics metrics) {
        return Quantity.getAmountInBytes(metrics.getUsage().get("memory")).divide(MEBIBYTE).longValue();
    }
}
