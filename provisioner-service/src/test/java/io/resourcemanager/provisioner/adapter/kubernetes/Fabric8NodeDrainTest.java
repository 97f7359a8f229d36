package io.resourcemanager.provisioner.adapter.kubernetes;

import static io.resourcemanager.provisioner.adapter.kubernetes.ClusterFixtures.NAMESPACE;
import static io.resourcemanager.provisioner.adapter.kubernetes.ClusterFixtures.aRunningPod;
import static io.resourcemanager.provisioner.adapter.kubernetes.ClusterFixtures.create;
import static io.resourcemanager.provisioner.adapter.kubernetes.ClusterFixtures.minAvailable;
import static io.resourcemanager.provisioner.adapter.kubernetes.ClusterFixtures.mirrored;
import static io.resourcemanager.provisioner.adapter.kubernetes.ClusterFixtures.ofDaemonSet;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.resourcemanager.kafka.testing.MutableClock;
import io.resourcemanager.provisioner.domain.infra.DrainPolicy;
import io.resourcemanager.provisioner.domain.infra.DrainResult;
import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.SimulatorConfig;
import io.resourcemanager.simulator.kubernetes.KubernetesClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drains against the simulated API server's eviction subresource. The drain's pauses move a test clock
 * instead of waiting, so a ten-minute drain timeout passes in a moment.
 */
class Fabric8NodeDrainTest {

    private static final DrainPolicy POLICY =
            new DrainPolicy(Duration.ofSeconds(300), 3, Duration.ofSeconds(10), Duration.ofSeconds(600));

    private static InfraSimulator simulator;
    private static KubernetesClient client;
    private static MutableClock clock;
    private static RecordingPacer pacer;
    private static Fabric8ClusterNodes nodes;

    @BeforeAll
    static void start() {
        simulator = InfraSimulator.start(SimulatorConfig.defaults().withProxmoxPort(0).withKubernetesPort(0)
                .withTimeScale(0.01));
        client = KubernetesClients.connect(simulator.kubernetesUrl());
        clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        pacer = new RecordingPacer(clock);
        nodes = new Fabric8ClusterNodes(client, clock, pacer);
    }

    @AfterAll
    static void stop() {
        nodes.close();
        client.close();
        simulator.close();
    }

    @Test
    void shouldEvictOrdinaryPodsInBatchesAndLeaveDaemonSetAndMirrorPods() {
        String node = "worker-permanent-001";
        for (int i = 0; i < 7; i++) {
            create(client, aRunningPod("web-" + i, "web", node));
        }
        create(client, ofDaemonSet(aRunningPod("node-exporter-x1", "node-exporter", node)));
        create(client, mirrored(aRunningPod("kube-proxy-" + node, "kube-proxy", node)));
        create(client, aRunningPod("elsewhere-1", "web", "worker-permanent-002"));
        int pausesBefore = pacer.pauses().size();

        DrainResult result = nodes.drain(node, POLICY);

        assertThat(result.complete()).isTrue();
        assertThat(result.evicted()).isEqualTo(7);
        assertThat(pacer.pauses().size() - pausesBefore).as("pauses between batches of 3, 3 and 1").isEqualTo(2);
        assertThat(podsOn(node)).containsExactlyInAnyOrder("node-exporter-x1", "kube-proxy-" + node);
        assertThat(podsOn("worker-permanent-002")).contains("elsewhere-1");
    }

    @Test
    void shouldLeaveBudgetProtectedPodsUntilTheTimeoutAndFinishOnceTheBudgetIsRelaxed() {
        String node = "worker-permanent-003";
        client.resource(minAvailable("db-pdb", "db", 2)).create();
        for (int i = 0; i < 3; i++) {
            create(client, aRunningPod("db-" + i, "db", node));
        }
        create(client, aRunningPod("cache-0", "cache", node));
        Instant start = clock.instant();

        DrainResult blocked = nodes.drain(node, POLICY);

        assertThat(blocked.complete()).isFalse();
        assertThat(blocked.evicted()).isEqualTo(2);
        assertThat(blocked.remaining()).hasSize(2).allMatch(pod -> pod.startsWith(NAMESPACE + "/db-"));
        assertThat(Duration.between(start, clock.instant())).isEqualTo(POLICY.timeout());

        client.policy().v1().podDisruptionBudget().inNamespace(NAMESPACE).withName("db-pdb")
                .edit(budget -> {
                    budget.getSpec().setMinAvailable(new IntOrString(0));
                    return budget;
                });
        DrainResult released = nodes.drain(node, POLICY);

        assertThat(released.complete()).isTrue();
        assertThat(released.evicted()).isEqualTo(2);
        assertThat(podsOn(node)).isEmpty();
    }

    @Test
    void shouldFindNothingToDoOnANodeWithoutPods() {
        assertThat(nodes.drain("worker-burst-empty", POLICY)).isEqualTo(new DrainResult(0, List.of()));
    }

    private static List<String> podsOn(String node) {
        return client.pods().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(pod -> node.equals(pod.getSpec().getNodeName()))
                .map(Pod::getMetadata).map(meta -> meta.getName()).toList();
    }
}
