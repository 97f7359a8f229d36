package io.resourcemanager.provisioner.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.resourcemanager.events.ReconcileAction;
import io.resourcemanager.events.ReconcileActionTaken;
import io.resourcemanager.kafka.testing.MutableClock;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.PoolSpec;
import io.resourcemanager.provisioner.domain.WorkerLabels;
import io.resourcemanager.provisioner.domain.infra.VmInfo;
import io.resourcemanager.provisioner.domain.infra.VmInfo.VmPower;
import io.resourcemanager.provisioner.domain.saga.SagaPolicy;
import io.resourcemanager.provisioner.testing.Fault;
import io.resourcemanager.provisioner.testing.FakeClusterNodes;
import io.resourcemanager.provisioner.testing.FakeHypervisor;
import io.resourcemanager.provisioner.testing.FakeInfrastructure;
import io.resourcemanager.provisioner.testing.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconcileLoopTest {

    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final PoolSpec BURST = new PoolSpec("burst", 0, 20, Duration.ofHours(4), Duration.ofHours(12), null,
            Map.of("node-pool", "burst", "worker-type", "burst"), List.of("workload-type=burst:NoSchedule"), false);

    private final FakeInfrastructure infra = new FakeInfrastructure();
    private final FakeHypervisor hypervisor = infra.hypervisor();
    private final FakeClusterNodes nodes = infra.nodes();
    private final FakeReconcileInventory inventory = new FakeReconcileInventory();
    private final FakeInFlightWorkers sagas = new FakeInFlightWorkers();
    private final RecordingReconcileEvents events = new RecordingReconcileEvents();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ReconcileLoop loop = loop(true);

    @Test
    void shouldRemoveAnOrphanVmOnceItOutlastedTheGraceAndReportIt() {
        hypervisor.add(vm(105, "burst-a"));

        loop.run();
        clock.advance(GRACE.minusMinutes(1));
        loop.run();
        assertThat(hypervisor.calls()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        loop.run();
        loop.run();

        assertThat(hypervisor.calls()).containsExactly("shutdown 105", "delete 105");
        assertThat(hypervisor.vms()).isEmpty();
        ReconcileActionTaken removed = onlyEvent();
        assertThat(removed.getAction()).isEqualTo(ReconcileAction.ORPHAN_VM_REMOVED);
        assertThat(removed.getWorker()).isEqualTo("burst-a");
        assertThat(removed.getPool()).isEqualTo("burst");
        assertThat(removed.getVmId()).isEqualTo(105);
        assertThat(removed.getReason()).contains("no Kubernetes node");
        assertThat(count("orphan_vm_removed", "done")).isEqualTo(1.0);
    }

    @Test
    void shouldNotRemoveAVmWhoseSagaStartedBetweenPlanningAndActing() {
        hypervisor.add(vm(105, "burst-a"));
        loop.run();
        clock.advance(GRACE);
        sagas.sagaStartsAfterNextLook("burst-a");

        loop.run();

        assertThat(hypervisor.calls()).isEmpty();
        assertThat(hypervisor.vms()).extracting(VmInfo::vmId).containsExactly(105);
        assertThat(events.published()).isEmpty();
        assertThat(count("orphan_vm_removed", "skipped")).isEqualTo(1.0);
    }

    @Test
    void shouldAdoptTheReadyUnlabelledNodeOfAManagedVmIntoThePoolOfItsTag() {
        hypervisor.add(vm(105, "burst-a"));
        nodes.add(node("burst-a", ""));

        loop.run();
        clock.advance(Duration.ofMinutes(1));
        loop.run();
        loop.run();

        ObservedNode adopted = nodes.find("burst-a").orElseThrow();
        assertThat(adopted.pool()).isEqualTo("burst");
        assertThat(adopted.labels()).containsEntry(WorkerLabels.VM_ID, "105").containsKey(WorkerLabels.TTL)
                .containsEntry(WorkerLabels.TTL_LIMIT, Long.toString(clock.instant().plus(Duration.ofHours(12))
                        .getEpochSecond()));
        assertThat(nodes.taints("burst-a")).containsExactly("workload-type=burst:NoSchedule");
        assertThat(inventory.adopted()).containsExactly(adopted);
        ReconcileActionTaken event = onlyEvent();
        assertThat(event.getAction()).isEqualTo(ReconcileAction.NODE_ADOPTED);
        assertThat(event.getPool()).isEqualTo("burst");
        assertThat(event.getVmId()).isEqualTo(105);
    }

    @Test
    void shouldCarryOnAfterAFailedDeleteAndRetryItOnTheNextRun() {
        hypervisor.add(vm(105, "burst-a")).add(vm(106, "burst-b"));
        inventory.know(node("burst-gone", "burst"));
        hypervisor.failNext(Operation.DELETE_VM, Fault.retriable("proxmox busy"));
        loop.run();
        clock.advance(GRACE);

        loop.run();

        assertThat(events.published()).extracting(e -> e.getWorker() + " " + e.getAction())
                .containsExactly("burst-b ORPHAN_VM_REMOVED", "burst-gone NODE_FORGOTTEN");
        assertThat(inventory.forgotten()).containsExactly("burst-gone");
        assertThat(hypervisor.vms()).extracting(VmInfo::vmId).containsExactly(105);
        assertThat(count("orphan_vm_removed", "failed")).isEqualTo(1.0);

        clock.advance(Duration.ofMinutes(1));
        loop.run();

        assertThat(hypervisor.vms()).isEmpty();
        assertThat(events.published()).extracting(ReconcileActionTaken::getWorker)
                .containsExactly("burst-b", "burst-gone", "burst-a");
    }

    @Test
    void shouldFlagAnUnknownNodeOnceAndAgainWhenTheFlagCouldNotBeReported() {
        nodes.add(node("stray", "burst"));
        loop.run();
        clock.advance(Duration.ofMinutes(1));
        events.failNext();

        loop.run();
        assertThat(events.published()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        loop.run();
        clock.advance(Duration.ofMinutes(1));
        loop.run();

        ReconcileActionTaken flagged = onlyEvent();
        assertThat(flagged.getAction()).isEqualTo(ReconcileAction.UNKNOWN_NODE_FLAGGED);
        assertThat(flagged.getWorker()).isEqualTo("stray");
        assertThat(nodes.find("stray")).isPresent();
        assertThat(count("unknown_node_flagged", "unreported")).isEqualTo(1.0);
    }

    @Test
    void shouldKeepItsSuspicionsAcrossARunThatCannotReadTheVms() {
        hypervisor.add(vm(105, "burst-a"));
        loop.run();
        clock.advance(GRACE);
        hypervisor.failNext(Operation.LIST_VMS, Fault.retriable("proxmox unreachable"));

        loop.run();
        assertThat(hypervisor.calls()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        loop.run();

        assertThat(hypervisor.calls()).containsExactly("shutdown 105", "delete 105");
    }

    @Test
    void shouldDoNothingWhenDisabled() {
        loop = loop(false);
        hypervisor.add(vm(105, "burst-a"));

        loop.run();
        clock.advance(GRACE);
        loop.run();

        assertThat(hypervisor.vms()).hasSize(1);
        assertThat(events.published()).isEmpty();
    }

    private ReconcileLoop loop(boolean enabled) {
        ActionRunner runner = new ActionRunner(hypervisor, nodes, inventory, sagas,
                name -> Optional.ofNullable(Map.of("burst", BURST).get(name)), SagaPolicy.defaults(), clock);
        return new ReconcileLoop(new SnapshotReader(hypervisor, nodes, inventory, sagas), runner, events,
                new ReconcileProperties(enabled, Duration.ofSeconds(60), GRACE), meters, clock);
    }

    private ReconcileActionTaken onlyEvent() {
        assertThat(events.published()).hasSize(1);
        return events.published().get(0);
    }

    private double count(String action, String outcome) {
        return meters.counter(ReconcileLoop.ACTIONS_METER, "action", action, "outcome", outcome).count();
    }

    private static VmInfo vm(int id, String name) {
        return new VmInfo(id, name, "pve1", VmPower.RUNNING, true, "burst", "medium", false);
    }

    private static ObservedNode node(String name, String pool) {
        return new ObservedNode(name, pool, "medium", 7_800, 15_360, 0, 110, true, true, Map.of());
    }
}
