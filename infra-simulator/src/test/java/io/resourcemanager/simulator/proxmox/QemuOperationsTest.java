package io.resourcemanager.simulator.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resourcemanager.simulator.faults.FaultSettings;
import io.resourcemanager.simulator.faults.Faults;
import io.resourcemanager.simulator.template.WorkerTemplate;
import io.resourcemanager.simulator.time.Delays;
import io.resourcemanager.simulator.time.Latency;
import io.resourcemanager.simulator.time.ManualScheduler;
import io.resourcemanager.simulator.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The VM lifecycle with time moved by hand: realistic latencies, no waiting. */
class QemuOperationsTest {

    private static final String NODE = "pve1";
    private static final int MEDIUM = 9002;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final Faults faults = new Faults();
    private final RecordingListener listener = new RecordingListener();
    private final ProxmoxBackend proxmox = new ProxmoxBackend(NODE, ApiToken.parse(ApiToken.DEFAULT), scheduler,
            new Delays(1.0, new Random(3), faults::delayOverride), faults, listener, clock);

    @BeforeEach
    void createTemplates() {
        WorkerTemplate.CATALOG.forEach(proxmox::addTemplate);
    }

    @Test
    void shouldCreateALockedVmThatUnlocksWhenTheCloneTaskEnds() throws Exception {
        String upid = proxmox.cloner().clone(NODE, MEDIUM, clone(120, "worker-burst-001"));

        assertThat(proxmox.inventory().snapshot(NODE, 120).lock()).isEqualTo("clone");
        assertThat(task(upid).exitStatus()).isEmpty();

        scheduler.advance(Latency.CLONE.max());

        assertThat(task(upid).exitStatus()).contains(Task.OK);
        VmSnapshot vm = proxmox.inventory().snapshot(NODE, 120);
        assertThat(vm.lock()).isNull();
        assertThat(vm.name()).isEqualTo("worker-burst-001");
        assertThat(vm.config().cores()).isEqualTo(8);
        assertThat(vm.templateName()).isEqualTo("medium");
    }

    @Test
    void shouldRefuseToCloneOntoAnExistingId() throws Exception {
        proxmox.cloner().clone(NODE, MEDIUM, clone(120, "a"));

        assertThatThrownBy(() -> proxmox.cloner().clone(NODE, MEDIUM, clone(120, "b")))
                .isInstanceOf(ProxmoxException.class)
                .hasMessage("VM 120 already exists on node 'pve1'");
    }

    @Test
    void shouldRefuseToCloneAnUnknownTemplate() {
        assertThatThrownBy(() -> proxmox.cloner().clone(NODE, 9999, clone(120, "a")))
                .isInstanceOf(ProxmoxException.class)
                .hasMessageContaining("9999.conf' does not exist");
    }

    @Test
    void shouldRemoveTheHalfClonedVmWhenAnInjectedCloneFailureEndsTheTask() throws Exception {
        faults.apply(FaultSettings.none().withFailNextClones(1));

        String upid = proxmox.cloner().clone(NODE, MEDIUM, clone(120, "doomed"));
        scheduler.advance(Latency.CLONE.max());

        assertThat(task(upid).exitStatus()).hasValueSatisfying(exit -> assertThat(exit).startsWith("clone failed"));
        assertThatThrownBy(() -> proxmox.inventory().snapshot(NODE, 120)).isInstanceOf(ProxmoxException.class);
    }

    @Test
    void shouldFailTheStartTaskWhileTheCloneStillHoldsTheLock() throws Exception {
        proxmox.cloner().clone(NODE, MEDIUM, clone(120, "early"));

        String start = proxmox.power().start(NODE, 120);
        scheduler.advance(Latency.START.max());

        assertThat(task(start).exitStatus()).contains("VM is locked (clone)");
    }

    @Test
    void shouldReportTheGuestBootedOnlyAfterTheBootDelay() throws Exception {
        int vmid = clonedVm();

        String start = proxmox.power().start(NODE, vmid);
        scheduler.advance(Latency.START.max());

        assertThat(task(start).exitStatus()).contains(Task.OK);
        assertThat(proxmox.inventory().snapshot(NODE, vmid).running()).isTrue();
        assertThat(listener.events).isEmpty();

        scheduler.advance(Latency.BOOT.max());

        assertThat(listener.events).containsExactly("booted:" + vmid);
    }

    @Test
    void shouldNotReportABootOfAVmStoppedWhileBooting() throws Exception {
        int vmid = clonedVm();
        proxmox.power().start(NODE, vmid);
        scheduler.advance(Latency.START.max());

        proxmox.power().stop(NODE, vmid);
        scheduler.advance(Latency.BOOT.max());

        assertThat(listener.events).containsExactly("off:" + vmid);
    }

    @Test
    void shouldFailTheStartTaskAndLeaveTheVmStoppedWhenABootFailureIsInjected() throws Exception {
        int vmid = clonedVm();
        faults.apply(FaultSettings.none().withFailNextStarts(1));

        String failed = proxmox.power().start(NODE, vmid);
        scheduler.advance(Latency.START.max().plus(Latency.BOOT.max()));

        assertThat(task(failed).exitStatus()).contains("start failed: QEMU exited with code 1");
        assertThat(proxmox.inventory().snapshot(NODE, vmid).running()).isFalse();
        assertThat(listener.events).isEmpty();

        String retried = proxmox.power().start(NODE, vmid);
        scheduler.advance(Latency.START.max());
        assertThat(task(retried).exitStatus()).contains(Task.OK);
    }

    @Test
    void shouldRebootARunningVmSoThatItsGuestBootsAgain() throws Exception {
        int vmid = runningVm();
        listener.events.clear();

        String reboot = proxmox.power().reboot(NODE, vmid, Optional.empty());
        scheduler.advance(Latency.GUEST_SHUTDOWN.max().plus(Latency.START.max()));

        assertThat(task(reboot).exitStatus()).contains(Task.OK);
        assertThat(task(reboot).type()).isEqualTo("qmreboot");
        assertThat(listener.events).containsExactly("off:" + vmid);

        scheduler.advance(Latency.BOOT.max());
        assertThat(listener.events).containsExactly("off:" + vmid, "booted:" + vmid);
    }

    @Test
    void shouldRefuseToRebootAStoppedVm() throws Exception {
        int vmid = clonedVm();

        assertThatThrownBy(() -> proxmox.power().reboot(NODE, vmid, Optional.empty()))
                .isInstanceOf(ProxmoxException.class)
                .hasMessage("VM " + vmid + " not running");
    }

    @Test
    void shouldHoldAShutdownForTheInjectedGuestDelay() throws Exception {
        int vmid = runningVm();
        faults.apply(FaultSettings.none().withShutdownDelayMillis(Duration.ofMinutes(10).toMillis()));

        String shutdown = proxmox.power().shutdown(NODE, vmid, Optional.of(Duration.ofMinutes(5)), false);
        scheduler.advance(Duration.ofMinutes(5));

        assertThat(task(shutdown).exitStatus()).contains("VM quit/powerdown failed - got timeout");
        assertThat(proxmox.inventory().snapshot(NODE, vmid).running()).isTrue();
    }

    @Test
    void shouldFailAShutdownWhoseGuestNeedsLongerThanTheTimeout() throws Exception {
        int vmid = runningVm();

        String shutdown = proxmox.power().shutdown(NODE, vmid, Optional.of(Duration.ofSeconds(1)), false);
        scheduler.advance(Latency.GUEST_SHUTDOWN.max());

        assertThat(task(shutdown).exitStatus()).contains("VM quit/powerdown failed - got timeout");
        assertThat(proxmox.inventory().snapshot(NODE, vmid).running()).isTrue();
    }

    @Test
    void shouldStopAtTheTimeoutWhenForceStopIsSet() throws Exception {
        int vmid = runningVm();

        String shutdown = proxmox.power().shutdown(NODE, vmid, Optional.of(Duration.ofSeconds(1)), true);
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(task(shutdown).exitStatus()).contains(Task.OK);
        assertThat(proxmox.inventory().snapshot(NODE, vmid).running()).isFalse();
        assertThat(listener.events).endsWith("off:" + vmid);
    }

    @Test
    void shouldRefuseToDestroyARunningVm() throws Exception {
        int vmid = runningVm();

        assertThatThrownBy(() -> proxmox.destroyer().destroy(NODE, vmid))
                .isInstanceOf(ProxmoxException.class)
                .hasMessage("VM " + vmid + " is running - destroy failed");
    }

    @Test
    void shouldRemoveAStoppedVmWhenTheDestroyTaskEnds() throws Exception {
        int vmid = clonedVm();

        String destroy = proxmox.destroyer().destroy(NODE, vmid);
        scheduler.advance(Latency.DESTROY.max());

        assertThat(task(destroy).exitStatus()).contains(Task.OK);
        assertThat(proxmox.inventory().nextFreeId()).isEqualTo(100);
    }

    @Test
    void shouldRefuseAConfigUpdateCarryingAStaleDigest() throws Exception {
        int vmid = clonedVm();
        ConfigChange change = new ConfigChange(Map.of("cores", "4"), Set.of(), Optional.of("stale"));

        assertThatThrownBy(() -> proxmox.configs().update(NODE, vmid, change))
                .hasMessageContaining("detected modified configuration");
    }

    private int clonedVm() throws ProxmoxException {
        int vmid = proxmox.inventory().nextFreeId();
        proxmox.cloner().clone(NODE, MEDIUM, clone(vmid, "worker-" + vmid));
        scheduler.advance(Latency.CLONE.max());
        return vmid;
    }

    private int runningVm() throws ProxmoxException {
        int vmid = clonedVm();
        proxmox.power().start(NODE, vmid);
        scheduler.advance(Latency.START.max().plus(Latency.BOOT.max()));
        return vmid;
    }

    private Task task(String upid) throws ProxmoxException {
        return proxmox.tasks().require(NODE, upid);
    }

    private static CloneRequest clone(int newId, String name) {
        return new CloneRequest(newId, Optional.of(name), Optional.empty(), Optional.empty(), true);
    }
}
