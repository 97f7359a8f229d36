package io.resourcemanager.simulator.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.resourcemanager.simulator.faults.FaultSettings;
import io.resourcemanager.simulator.faults.Faults;
import io.resourcemanager.simulator.proxmox.VmConfig;
import io.resourcemanager.simulator.proxmox.VmSnapshot;
import io.resourcemanager.simulator.proxmox.VmStatus;
import io.resourcemanager.simulator.time.Delays;
import io.resourcemanager.simulator.time.ManualScheduler;
import io.resourcemanager.simulator.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kubelets at real-time scale, with time moved by hand against fabric8's CRUD mock server. */
@EnableKubernetesMockClient(crud = true)
class SimulatedKubeletsTest {

    private static final Duration STATUS_INTERVAL = Duration.ofSeconds(10);
    private static final Duration MONITOR_GRACE = Duration.ofSeconds(40);
    private static final Duration FLAP_PERIOD = Duration.ofSeconds(60);

    static KubernetesClient client;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final Faults faults = new Faults();
    private SimulatedKubelets kubelets;

    @BeforeEach
    void startKubelets() {
        kubelets = new SimulatedKubelets(client, scheduler, Delays.scaled(1.0, new Random(1)), clock, faults);
        kubelets.start();
    }

    @AfterEach
    void stopKubelets() {
        kubelets.close();
    }

    @Test
    void shouldRegisterAReadyNodeNamedAfterTheVmWhenItsGuestBoots() {
        kubelets.guestBooted(vm(130, "Worker-Burst-001", "small"));
        scheduler.advance(Duration.ZERO);

        Node node = client.nodes().withName("worker-burst-001").get();
        assertThat(condition(node, "Ready").getStatus()).isEqualTo("True");
        assertThat(node.getMetadata().getLabels()).containsEntry("kubernetes.io/hostname", "worker-burst-001");
        assertThat(node.getStatus().getCapacity().get("cpu").toString()).isEqualTo("4");
        assertThat(node.getStatus().getAllocatable().get("cpu").toString()).isEqualTo("3800m");
    }

    @Test
    void shouldMoveTheHeartbeatEveryStatusInterval() {
        kubelets.register(vm(131, "worker-131", "large"), Map.of());

        scheduler.advance(STATUS_INTERVAL);

        assertThat(condition(client.nodes().withName("worker-131").get(), "Ready").getLastHeartbeatTime())
                .isEqualTo("2025-01-01T00:00:10Z");
    }

    @Test
    void shouldStayReadyUntilTheMonitorGracePeriodHasPassedAfterPowerOff() {
        kubelets.register(vm(132, "worker-132", "medium"), Map.of());

        kubelets.poweredOff(vm(132, "worker-132", "medium"));
        scheduler.advance(MONITOR_GRACE);
        assertThat(condition(client.nodes().withName("worker-132").get(), "Ready").getStatus()).isEqualTo("True");

        scheduler.advance(STATUS_INTERVAL);
        Node node = client.nodes().withName("worker-132").get();
        assertThat(condition(node, "Ready").getStatus()).isEqualTo("Unknown");
        assertThat(condition(node, "MemoryPressure").getStatus()).isEqualTo("Unknown");
        assertThat(condition(node, "NetworkUnavailable").getStatus()).isEqualTo("False");
    }

    @Test
    void shouldComeBackReadyAndReachableWhenTheVmBootsAgain() {
        VmSnapshot vm = vm(133, "worker-133", "medium");
        kubelets.register(vm, Map.of("node-pool", "burst"));
        kubelets.poweredOff(vm);
        scheduler.advance(MONITOR_GRACE.plus(STATUS_INTERVAL));

        kubelets.guestBooted(vm);
        scheduler.advance(Duration.ZERO);

        Node node = client.nodes().withName("worker-133").get();
        assertThat(condition(node, "Ready").getStatus()).isEqualTo("True");
        assertThat(node.getSpec().getTaints()).isEmpty();
        assertThat(node.getMetadata().getLabels()).containsEntry("node-pool", "burst");
    }

    @Test
    void shouldStopPostingForANodeThatWasDeleted() {
        kubelets.register(vm(134, "worker-134", "small"), Map.of());

        client.nodes().withName("worker-134").delete();
        scheduler.advance(STATUS_INTERVAL.multipliedBy(3));

        assertThat(client.nodes().withName("worker-134").get()).isNull();
    }

    @Test
    void shouldNeverRegisterTheNodeOfAGuestWhoseKubeletStaysSilent() {
        faults.apply(FaultSettings.none().withNeverJoinNext(1));

        kubelets.guestBooted(vm(135, "worker-135", "small"));
        kubelets.guestBooted(vm(136, "worker-136", "small"));
        scheduler.advance(STATUS_INTERVAL.multipliedBy(3));

        assertThat(client.nodes().withName("worker-135").get()).isNull();
        assertThat(condition(client.nodes().withName("worker-136").get(), "Ready").getStatus()).isEqualTo("True");
    }

    @Test
    void shouldAlternateReadyAndUnknownWhileANamedNodeFlaps() {
        faults.apply(FaultSettings.none().withFlapping(List.of("worker-137"), null, FLAP_PERIOD.toMillis()));
        kubelets.register(vm(137, "worker-137", "medium"), Map.of());

        scheduler.advance(FLAP_PERIOD);
        assertThat(readyStatus("worker-137")).isEqualTo("True");

        scheduler.advance(MONITOR_GRACE);
        assertThat(readyStatus("worker-137")).isEqualTo("Unknown");
        assertThat(client.nodes().withName("worker-137").get().getSpec().getTaints())
                .extracting(taint -> taint.getKey()).contains(NodeApi.UNREACHABLE_TAINT);

        scheduler.advance(FLAP_PERIOD.minus(MONITOR_GRACE));
        assertThat(readyStatus("worker-137")).isEqualTo("True");
        assertThat(client.nodes().withName("worker-137").get().getSpec().getTaints()).isEmpty();
    }

    @Test
    void shouldFlapTheNextRegisteringNodeAndStopWhenTheFaultIsCleared() {
        faults.apply(FaultSettings.none().withFlapping(null, 1, FLAP_PERIOD.toMillis()));
        kubelets.register(vm(138, "worker-138", "medium"), Map.of());
        kubelets.register(vm(139, "worker-139", "medium"), Map.of());

        scheduler.advance(FLAP_PERIOD.plus(MONITOR_GRACE));
        assertThat(readyStatus("worker-138")).isEqualTo("Unknown");
        assertThat(readyStatus("worker-139")).isEqualTo("True");

        faults.reset();
        scheduler.advance(STATUS_INTERVAL);
        assertThat(readyStatus("worker-138")).isEqualTo("True");

        scheduler.advance(FLAP_PERIOD.multipliedBy(3));
        assertThat(readyStatus("worker-138")).isEqualTo("True");
    }

    private static String readyStatus(String node) {
        return condition(client.nodes().withName(node).get(), "Ready").getStatus();
    }

    private static VmSnapshot vm(int vmid, String name, String template) {
        VmConfig config = VmConfig.of(Map.of("name", name, "cores", template.equals("large") ? "16"
                : template.equals("small") ? "4" : "8", "memory", "8192"));
        return new VmSnapshot(vmid, "pve1", VmStatus.RUNNING, false, null, template, 60, config);
    }

    private static NodeCondition condition(Node node, String type) {
        return node.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst()
                .orElseThrow();
    }
}
