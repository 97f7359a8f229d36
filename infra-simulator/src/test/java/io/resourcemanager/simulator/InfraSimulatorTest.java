package io.resourcemanager.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.resourcemanager.simulator.faults.FaultSettings;
import io.resourcemanager.simulator.kubernetes.KubernetesClients;
import io.resourcemanager.simulator.testing.FastSimulator;
import io.resourcemanager.simulator.testing.ProxmoxHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator end to end: Proxmox calls over HTTP, their effect seen through a real fabric8 client. */
class InfraSimulatorTest {

    private static final String QEMU = "/api2/json/nodes/pve1/qemu/";

    private static InfraSimulator simulator;
    private static KubernetesClient kubernetes;
    private static ProxmoxHttp proxmox;

    @BeforeAll
    static void startSimulator() {
        simulator = FastSimulator.start();
        kubernetes = KubernetesClients.connect(simulator.kubernetesUrl());
        proxmox = new ProxmoxHttp(simulator.proxmoxUrl(), simulator.apiToken());
    }

    @AfterAll
    static void stopSimulator() {
        kubernetes.close();
        simulator.close();
    }

    @Test
    void shouldStartWithThreeReadyPermanentMediumNodes() {
        List<Node> nodes = kubernetes.nodes().withLabel("node-pool", "permanent").list().getItems();

        assertThat(nodes).extracting(node -> node.getMetadata().getName())
                .containsExactlyInAnyOrder("worker-permanent-001", "worker-permanent-002", "worker-permanent-003");
        assertThat(nodes).allSatisfy(node -> {
            assertThat(node.getMetadata().getLabels()).containsEntry("worker-type", "permanent")
                    .containsEntry("kubernetes.io/hostname", node.getMetadata().getName());
            assertThat(readyStatus(node)).isEqualTo("True");
            assertThat(node.getStatus().getAllocatable())
                    .containsEntry("cpu", new Quantity("7800m"))
                    .containsEntry("memory", new Quantity("15360Mi"))
                    .containsEntry("pods", new Quantity("100"));
        });
        assertThat(proxmox.get(QEMU + "100/status/current").data().get("tags").asText())
                .isEqualTo("resource-manager;pool-permanent;template-medium");
    }

    @Test
    void shouldDeployTheMcpServersScaledToZeroWithServices() {
        List<Deployment> deployments = kubernetes.apps().deployments().inNamespace("default")
                .withLabel("app.kubernetes.io/component", "mcp-server").list().getItems();

        assertThat(deployments).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("mcp-filesystem", "mcp-github", "mcp-database");
        assertThat(deployments).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isZero());
        assertThat(kubernetes.services().inNamespace("default").withName("mcp-github").get().getSpec().getPorts())
                .singleElement().satisfies(port -> assertThat(port.getPort()).isEqualTo(8080));
    }

    @Test
    void shouldRegisterAReadyNodeWhenAClonedVmBoots() {
        String vmid = startedVm(9004, "worker-gpu-001");

        Node node = await().atMost(Duration.ofSeconds(10))
                .until(() -> kubernetes.nodes().withName("worker-gpu-001").get(),
                        registered -> registered != null && "True".equals(readyStatus(registered)));

        assertThat(node.getStatus().getAllocatable())
                .containsEntry("cpu", new Quantity("7800m"))
                .containsEntry("memory", new Quantity("30720Mi"))
                .containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(node.getStatus().getConditions()).extracting(NodeCondition::getType, NodeCondition::getStatus)
                .contains(tuple("MemoryPressure", "False"), tuple("NetworkUnavailable", "False"));
        assertThat(proxmox.get(QEMU + vmid + "/status/current").data().get("status").asText()).isEqualTo("running");
    }

    @Test
    void shouldTurnTheNodeUnknownWhenItsVmStops() {
        String vmid = startedVm(9001, "worker-burst-101");
        await().atMost(Duration.ofSeconds(10)).until(() -> kubernetes.nodes().withName("worker-burst-101").get() != null);

        String stop = proxmox.post(QEMU + vmid + "/status/stop", Map.of()).data().asText();
        assertThat(proxmox.awaitTask("pve1", stop)).isEqualTo("OK");

        Node node = await().atMost(Duration.ofSeconds(10))
                .until(() -> kubernetes.nodes().withName("worker-burst-101").get(),
                        n -> "Unknown".equals(readyStatus(n)) && n.getSpec().getTaints() != null
                                && n.getSpec().getTaints().size() == 2);
        assertThat(node.getStatus().getConditions()).filteredOn(c -> "Ready".equals(c.getType()))
                .singleElement().satisfies(c -> assertThat(c.getReason()).isEqualTo("NodeStatusUnknown"));
        assertThat(node.getSpec().getTaints()).extracting(t -> t.getKey() + ":" + t.getEffect())
                .containsExactlyInAnyOrder("node.kubernetes.io/unreachable:NoSchedule",
                        "node.kubernetes.io/unreachable:NoExecute");
    }

    @Test
    void shouldKeepAVmRunningWithoutANodeWhenItsKubeletNeverJoins() {
        simulator.faults().apply(FaultSettings.none().withNeverJoinNext(1).withDelays(null, 300L));
        try {
            String silent = startedVm(9001, "worker-silent-001");
            startedVm(9001, "worker-heard-001");

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> kubernetes.nodes().withName("worker-heard-001").get() != null);
            assertThat(kubernetes.nodes().withName("worker-silent-001").get()).isNull();
            assertThat(proxmox.get(QEMU + silent + "/status/current").data().get("status").asText())
                    .isEqualTo("running");
        } finally {
            simulator.faults().reset();
        }
    }

    private static String startedVm(int template, String name) {
        String vmid = proxmox.get("/api2/json/cluster/nextid").data().asText();
        String clone = proxmox.post(QEMU + template + "/clone", Map.of("newid", vmid, "name", name)).data().asText();
        assertThat(proxmox.awaitTask("pve1", clone)).isEqualTo("OK");
        String start = proxmox.post(QEMU + vmid + "/status/start", Map.of()).data().asText();
        assertThat(proxmox.awaitTask("pve1", start)).isEqualTo("OK");
        return vmid;
    }

    private static String readyStatus(Node node) {
        return node.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType()))
                .map(NodeCondition::getStatus).findFirst().orElse("absent");
    }
}
