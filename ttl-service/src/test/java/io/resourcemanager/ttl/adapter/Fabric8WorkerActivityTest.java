package io.resourcemanager.ttl.adapter;

import static io.resourcemanager.ttl.adapter.ClusterFixtures.aPod;
import static io.resourcemanager.ttl.adapter.ClusterFixtures.aTemporaryWorker;
import static io.resourcemanager.ttl.adapter.ClusterFixtures.aWorker;
import static io.resourcemanager.ttl.adapter.ClusterFixtures.create;
import static io.resourcemanager.ttl.adapter.ClusterFixtures.inPhase;
import static io.resourcemanager.ttl.adapter.ClusterFixtures.notReady;
import static io.resourcemanager.ttl.adapter.ClusterFixtures.ofDaemonSet;
import static io.resourcemanager.ttl.adapter.ClusterFixtures.register;
import static io.resourcemanager.ttl.adapter.ClusterFixtures.requesting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.resourcemanager.kafka.testing.MutableClock;
import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.SimulatorConfig;
import io.resourcemanager.simulator.kubernetes.KubernetesClients;
import io.resourcemanager.ttl.domain.ActivitySample;
import io.resourcemanager.ttl.domain.WorkerActivity.ActivityUnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Activity of temporary workers read from the simulated cluster (its nodes, pods and metrics-server). */
class Fabric8WorkerActivityTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456Z");
    /** What the simulated metrics-server adds to every node for its system daemons. */
    private static final double SYSTEM_CPU_CORES = 0.1;

    private static InfraSimulator simulator;
    private static KubernetesClient client;
    private static Fabric8WorkerActivity activity;

    @BeforeAll
    static void start() {
        simulator = InfraSimulator.start(SimulatorConfig.defaults().withProxmoxPort(0).withKubernetesPort(0)
                .withTimeScale(0.01));
        client = KubernetesClients.connect(simulator.kubernetesUrl());
        activity = new Fabric8WorkerActivity(client, ActivityProperties.defaults(), new MutableClock(NOW));
    }

    @AfterAll
    static void stop() {
        client.close();
        simulator.close();
    }

    @Test
    void shouldReportTheCpuShareAndTheWorkloadPodsOfABusyWorker() {
        register(client, aTemporaryWorker("busy-1"));
        create(client, requesting(aPod("train-1", "default", "busy-1"), "1500m"));
        create(client, requesting(aPod("train-2", "research", "busy-1"), "400m"));
        create(client, inPhase(aPod("train-3", "research", "busy-1"), "Pending"));

        // 1.5 + 0.4 requested + 0.1 for the system daemons, of 4 allocatable CPUs; the pending pod is starting.
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(sampleOf(activity, "busy-1"))
                .contains(new ActivitySample("busy-1", 0.5, 3, NOW)));
    }

    @Test
    void shouldCountNoWorkloadOnAWorkerRunningOnlySystemDaemonSetAndFinishedPods() {
        register(client, aTemporaryWorker("idle-1"));
        create(client, aPod("coredns-1", "kube-system", "idle-1"));
        create(client, aPod("lease-1", "kube-node-lease", "idle-1"));
        create(client, ofDaemonSet(aPod("node-exporter-1", "monitoring", "idle-1")));
        create(client, inPhase(aPod("job-done-1", "default", "idle-1"), "Succeeded"));
        create(client, inPhase(aPod("job-failed-1", "default", "idle-1"), "Failed"));
        create(client, aPod("elsewhere-1", "default", "worker-permanent-001"));

        ActivitySample idle = awaitSampleOf("idle-1");

        assertThat(idle.workloadPods()).isZero();
        assertThat(idle.cpuFraction()).isCloseTo(SYSTEM_CPU_CORES / 4, within(1e-9));
    }

    @Test
    void shouldTakeTheSystemNamespacesFromConfiguration() {
        Fabric8WorkerActivity monitoringOnly = new Fabric8WorkerActivity(client,
                new ActivityProperties(true, Duration.ofSeconds(60), List.of("monitoring")), new MutableClock(NOW));
        register(client, aTemporaryWorker("configured-1"));
        create(client, aPod("prometheus-1", "monitoring", "configured-1"));
        create(client, aPod("coredns-2", "kube-system", "configured-1"));

        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(sampleOf(monitoringOnly, "configured-1"))
                .hasValueSatisfying(sample -> assertThat(sample.workloadPods()).isEqualTo(1)));
    }

    @Test
    void shouldLeaveOutAWorkerWhoseUsageIsUnknown() {
        register(client, notReady(aTemporaryWorker("silent-1")));
        register(client, aTemporaryWorker("heard-1"));

        awaitSampleOf("heard-1");

        assertThat(sampleOf(activity, "silent-1")).isEmpty();
    }

    @Test
    void shouldIgnoreWorkersWithoutTtl() {
        register(client, aWorker("permanent-extra-1"));
        register(client, aTemporaryWorker("temporary-1"));

        awaitSampleOf("temporary-1");

        assertThat(activity.sample()).extracting(ActivitySample::worker)
                .doesNotContain("permanent-extra-1", "worker-permanent-001", "worker-permanent-002",
                        "worker-permanent-003");
    }

    @Test
    void shouldFailAsUnavailableWhenTheApiServerDoesNotAnswer() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (KubernetesClient unreachable = KubernetesClients.connectWithoutRetries("http://127.0.0.1:" + closedPort)) {
            Fabric8WorkerActivity down = new Fabric8WorkerActivity(unreachable, ActivityProperties.defaults(),
                    new MutableClock(NOW));

            assertThatThrownBy(down::sample).isInstanceOf(ActivityUnavailableException.class)
                    .hasMessageContaining("Worker activity could not be read");
        }
    }

    private static ActivitySample awaitSampleOf(String worker) {
        return Awaitility.await().atMost(WAIT).until(() -> sampleOf(activity, worker), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<ActivitySample> sampleOf(Fabric8WorkerActivity source, String worker) {
        return source.sample().stream().filter(sample -> sample.worker().equals(worker)).findFirst();
    }
}
