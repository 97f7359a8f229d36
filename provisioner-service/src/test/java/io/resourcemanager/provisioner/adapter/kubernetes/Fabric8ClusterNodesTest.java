package io.resourcemanager.provisioner.adapter.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.resourcemanager.kafka.testing.MutableClock;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.SimulatorConfig;
import io.resourcemanager.simulator.kubernetes.KubernetesClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Node reads, waits and edits against the simulated cluster, whose kubelets keep posting status. */
class Fabric8ClusterNodesTest {

    private static InfraSimulator simulator;
    private static KubernetesClient client;
    private static Fabric8ClusterNodes nodes;

    @BeforeAll
    static void start() {
        simulator = InfraSimulator.start(SimulatorConfig.defaults().withProxmoxPort(0).withKubernetesPort(0)
                .withTimeScale(0.01));
        client = KubernetesClients.connect(simulator.kubernetesUrl());
        nodes = new Fabric8ClusterNodes(client, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        nodes.close();
        client.close();
        simulator.close();
    }

    @Test
    void shouldFindAWorkerWithItsPoolAndReportAMissingNodeAbsent() {
        ObservedNode worker = nodes.find("worker-permanent-001").orElseThrow();

        assertThat(worker.pool()).isEqualTo("permanent");
        assertThat(worker.cpuMillis()).isEqualTo(7_800);
        assertThat(nodes.find("worker-burst-missing")).isEmpty();
        assertThat(nodes.workers()).extracting(ObservedNode::name).contains("worker-permanent-001",
                "worker-permanent-002", "worker-permanent-003");
    }

    @Test
    void shouldReturnAReadyNodeOnceItIsReady() {
        ObservedNode node = nodes.await("worker-permanent-001", true, Duration.ofSeconds(10));

        assertThat(node.ready()).isTrue();
        assertThat(node.name()).isEqualTo("worker-permanent-001");
    }

    @Test
    void shouldTimeOutAsRetriableWhenTheNodeNeverRegisters() {
        assertThatThrownBy(() -> nodes.await("worker-burst-never", true, Duration.ofMillis(500)))
                .isInstanceOf(InfraException.Retriable.class)
                .hasMessageContaining("worker-burst-never did not become Ready within PT0.5S (not registered)");
    }

    @Test
    void shouldAddLabelsKeepTheOthersAndSetTaintsExactly() {
        nodes.label("worker-permanent-002", Map.of("team", "ml", "node-pool", "permanent"),
                List.of("workload-type=spot:NoSchedule", "preemptible=true:PreferNoSchedule"));
        nodes.label("worker-permanent-002", Map.of("resource-manager/template", "medium"),
                List.of("workload-type=burst:NoSchedule"));

        Node node = client.nodes().withName("worker-permanent-002").get();
        assertThat(node.getMetadata().getLabels()).containsEntry("team", "ml")
                .containsEntry("resource-manager/template", "medium")
                .containsEntry("kubernetes.io/hostname", "worker-permanent-002")
                .containsEntry("worker-type", "permanent");
        assertThat(node.getSpec().getTaints()).extracting(Taints::format)
                .containsExactly("workload-type=burst:NoSchedule");
        assertThat(nodes.find("worker-permanent-002").orElseThrow().template()).isEqualTo("medium");
    }

    @Test
    void shouldRelabelANodeKeepingItsOtherLabelsAndItsTaints() {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("worker-burst-extended")
                .addToLabels(Map.of("node-pool", "burst", "ttl", "1700000000", "ttl-hours", "4")).endMetadata()
                .withNewSpec().addNewTaint().withKey("workload-type").withValue("burst").withEffect("NoSchedule")
                .endTaint().endSpec().build()).create();

        nodes.relabel("worker-burst-extended", Map.of("ttl", "1700007200", "ttl-hours", "6"));

        assertThat(nodes.find("worker-burst-extended").orElseThrow().labels()).containsEntry("ttl", "1700007200")
                .containsEntry("ttl-hours", "6").containsEntry("node-pool", "burst");
        assertThat(client.nodes().withName("worker-burst-extended").get().getSpec().getTaints())
                .extracting(Taints::format).containsExactly("workload-type=burst:NoSchedule");
        assertThatThrownBy(() -> nodes.relabel("worker-burst-gone", Map.of("ttl", "1")))
                .isInstanceOf(InfraException.Permanent.class).hasMessageContaining("relabel node worker-burst-gone");
    }

    @Test
    void shouldApplyAnEditAgainWhenTheKubeletWroteTheNodeInBetween() {
        RecordingPacer pacer = new RecordingPacer(new MutableClock(Instant.EPOCH));
        AtomicInteger attempts = new AtomicInteger();

        new NodeEdits(client, pacer).edit("worker-permanent-003", "label node worker-permanent-003", node -> {
            if (attempts.incrementAndGet() == 1) {
                postStatus("worker-permanent-003");
            }
            return new NodeBuilder(node).editMetadata().addToLabels("raced", "yes").endMetadata().build();
        });

        assertThat(attempts).hasValue(2);
        assertThat(pacer.pauses()).hasSize(1);
        assertThat(client.nodes().withName("worker-permanent-003").get().getMetadata().getLabels())
                .containsEntry("raced", "yes");
    }

    @Test
    void shouldKeepEveryEditWhileTheKubeletsPostStatus() {
        for (int i = 0; i < 20; i++) {
            nodes.label("worker-permanent-003", Map.of("round", Integer.toString(i)), List.of("round=" + i + ":NoSchedule"));
            nodes.cordon("worker-permanent-003", i % 2 == 0);
        }

        ObservedNode node = nodes.find("worker-permanent-003").orElseThrow();
        assertThat(node.labels()).containsEntry("round", "19").containsEntry("node-pool", "permanent");
        assertThat(node.schedulable()).isTrue();
        assertThat(client.nodes().withName("worker-permanent-003").get().getSpec().getTaints())
                .extracting(Taints::format).containsExactly("round=19:NoSchedule");
    }

    @Test
    void shouldCordonAndUncordon() {
        nodes.cordon("worker-permanent-001", true);
        assertThat(nodes.find("worker-permanent-001").orElseThrow().schedulable()).isFalse();
        assertThat(client.nodes().withName("worker-permanent-001").get().getSpec().getUnschedulable()).isTrue();

        nodes.cordon("worker-permanent-001", false);
        assertThat(nodes.find("worker-permanent-001").orElseThrow().schedulable()).isTrue();
    }

    @Test
    void shouldRefuseToEditAMissingNodePermanently() {
        assertThatThrownBy(() -> nodes.cordon("worker-burst-missing", true))
                .isInstanceOf(InfraException.Permanent.class)
                .hasMessageContaining("cordon node worker-burst-missing failed");
    }

    @Test
    void shouldDeleteANodeAndAcceptDeletingItAgain() {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("worker-burst-leaving")
                .addToLabels("node-pool", "burst").endMetadata().build()).create();

        nodes.delete("worker-burst-leaving");
        nodes.delete("worker-burst-leaving");

        assertThat(nodes.find("worker-burst-leaving")).isEmpty();
    }

    /** What a kubelet does every few seconds: moves the heartbeat of the node's first condition. */
    private static void postStatus(String name) {
        try (KubernetesClient kubelet = KubernetesClients.connect(simulator.kubernetesUrl())) {
            kubelet.nodes().withName(name).editStatus(node -> new NodeBuilder(node).editStatus().editFirstCondition()
                    .withLastHeartbeatTime(Instant.now().toString()).endCondition().endStatus().build());
        }
    }
}
