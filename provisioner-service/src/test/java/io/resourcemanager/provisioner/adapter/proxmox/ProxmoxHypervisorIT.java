package io.resourcemanager.provisioner.adapter.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.resourcemanager.provisioner.domain.infra.Hypervisor;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import io.resourcemanager.provisioner.domain.infra.VmInfo;
import io.resourcemanager.provisioner.domain.infra.VmInfo.VmPower;
import io.resourcemanager.provisioner.domain.infra.VmSettings;
import io.resourcemanager.simulator.faults.FaultSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Proxmox adapter against the simulated Proxmox VE API, through Micronaut's retry and circuit breaker. */
class ProxmoxHypervisorIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int SMALL = 9001;
    private static final int PERMANENT_WORKER = 100;

    private static SimulatedProxmox proxmox;
    private static Hypervisor hypervisor;

    @BeforeAll
    static void start() {
        proxmox = new SimulatedProxmox();
        hypervisor = proxmox.hypervisor();
    }

    @AfterAll
    static void stop() {
        proxmox.close();
    }

    @AfterEach
    void clearFaults() {
        proxmox.faults().reset();
    }

    @Test
    void shouldCloneConfigureStartRebootShutDownAndDeleteAVm() {
        VmInfo cloned = hypervisor.ensureCloned("worker-burst-round-trip", SMALL, true, TIMEOUT);
        assertThat(cloned.power()).isEqualTo(VmPower.STOPPED);
        assertThat(cloned.locked()).isFalse();
        int id = cloned.vmId();

        hypervisor.configure(id, settings("worker-burst-round-trip", "burst", "small"), TIMEOUT);
        assertThat(hypervisor.find(id)).hasValueSatisfying(vm -> {
            assertThat(vm.managed()).isTrue();
            assertThat(vm.pool()).isEqualTo("burst");
            assertThat(vm.template()).isEqualTo("small");
        });
        assertThat(proxmox.probe().config(id, "cicustom")).isEqualTo("user=local:snippets/talos-burst.yaml");
        assertThat(proxmox.probe().config(id, "memory")).isEqualTo("8192");

        hypervisor.start(id, TIMEOUT);
        hypervisor.start(id, TIMEOUT);
        hypervisor.reboot(id, TIMEOUT);
        assertThat(hypervisor.find(id).orElseThrow().power()).isEqualTo(VmPower.RUNNING);

        proxmox.faults().apply(FaultSettings.none().withShutdownDelayMillis(Duration.ofMinutes(5).toMillis()));
        long before = System.nanoTime();
        hypervisor.shutdown(id, Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
        assertThat(hypervisor.find(id).orElseThrow().power()).isEqualTo(VmPower.STOPPED);
        hypervisor.shutdown(id, Duration.ofSeconds(1));
        hypervisor.reboot(id, TIMEOUT);
        assertThat(hypervisor.find(id).orElseThrow().power()).as("a stopped VM is started by a reboot")
                .isEqualTo(VmPower.RUNNING);
        hypervisor.shutdown(id, Duration.ofSeconds(1));

        hypervisor.delete(id, TIMEOUT);
        assertThat(hypervisor.find(id)).isEmpty();
        hypervisor.delete(id, TIMEOUT);
        hypervisor.shutdown(id, Duration.ofSeconds(1));
    }

    @Test
    void shouldReuseTheVmOfANameInsteadOfCloningItTwice() {
        VmInfo first = hypervisor.ensureCloned("worker-burst-once", SMALL, true, TIMEOUT);
        VmInfo again = hypervisor.ensureCloned("worker-burst-once", SMALL, true, TIMEOUT);

        assertThat(again.vmId()).isEqualTo(first.vmId());
        assertThat(proxmox.probe().vmNames()).containsOnlyOnce("worker-burst-once");
    }

    @Test
    void shouldWaitForACloneOfTheSameNameThatIsStillRunning() {
        proxmox.faults().apply(FaultSettings.none().withDelays(1500L, null));
        proxmox.probe().startClone(SMALL, 4100, "worker-burst-in-flight");

        VmInfo reused = hypervisor.ensureCloned("worker-burst-in-flight", SMALL, true, TIMEOUT);

        assertThat(reused.vmId()).isEqualTo(4100);
        assertThat(reused.locked()).isFalse();
        assertThat(proxmox.probe().vmNames()).containsOnlyOnce("worker-burst-in-flight");
    }

    @Test
    void shouldCloneEightVmsAtOnceWithDistinctIds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<VmInfo>> clones = IntStream.rangeClosed(1, 8)
                    .mapToObj(i -> pool.submit(() -> hypervisor.ensureCloned(parallelName(i), SMALL, true, TIMEOUT)))
                    .toList();
            List<VmInfo> vms = new ArrayList<>();
            for (Future<VmInfo> clone : clones) {
                vms.add(clone.get());
            }

            assertThat(vms).extracting(VmInfo::vmId).doesNotHaveDuplicates().hasSize(8);
            assertThat(vms).extracting(VmInfo::name)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 8).mapToObj(i -> parallelName(i)).toList());
            assertThat(proxmox.probe().vmNames()).filteredOn(name -> name.startsWith("worker-spot-par-")).hasSize(8);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRideOutA503BurstShorterThanTheRetryBudget() {
        proxmox.faults().apply(FaultSettings.none().withHttpErrors(2, 503));
        long before = proxmox.requests();

        assertThat(hypervisor.find(PERMANENT_WORKER)).hasValueSatisfying(vm -> assertThat(vm.power())
                .isEqualTo(VmPower.RUNNING));
        assertThat(proxmox.requests() - before).isEqualTo(3);
    }

    @Test
    void shouldRideOutARateLimitBurstShorterThanTheRetryBudget() {
        proxmox.faults().apply(FaultSettings.none().withHttpErrors(2, 429));
        long before = proxmox.requests();

        assertThat(hypervisor.managedVms()).isNotEmpty();
        assertThat(proxmox.requests() - before).isEqualTo(3);
    }

    @Test
    void shouldFailRetriablyOnALongBurstThenFailFastUntilTheCircuitCloses() {
        proxmox.faults().apply(FaultSettings.none().withHttpErrors(50, 503));
        long before = proxmox.requests();

        assertThatThrownBy(() -> hypervisor.find(PERMANENT_WORKER)).isInstanceOf(InfraException.Retriable.class)
                .hasMessageContaining("503");
        assertThat(proxmox.requests() - before).isEqualTo(3);

        assertThatThrownBy(() -> hypervisor.managedVms()).isInstanceOf(InfraException.Retriable.class);
        assertThat(proxmox.requests() - before).isEqualTo(3);

        proxmox.faults().reset();
        await().atMost(SimulatedProxmox.BREAKER_RESET.multipliedBy(10)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(InfraException.Retriable.class)
                .until(() -> hypervisor.find(PERMANENT_WORKER).isPresent());
    }

    @Test
    void shouldSurfaceATokenWithoutRightsAsPermanentAfterExactlyOneRequest() {
        Hypervisor withoutRights = proxmox.hypervisor(proxmox.noRightsToken());
        long before = proxmox.requests();

        assertThatThrownBy(() -> withoutRights.start(PERMANENT_WORKER, TIMEOUT))
                .isInstanceOf(InfraException.Permanent.class)
                .hasMessageContaining("403")
                .hasMessageContaining("Permission check failed");
        assertThat(proxmox.requests() - before).isEqualTo(1);
    }

    @Test
    void shouldSurfaceAFailedCloneAsPermanentAndCloneAnewOnTheNextCall() {
        proxmox.faults().apply(FaultSettings.none().withFailNextClones(1));

        assertThatThrownBy(() -> hypervisor.ensureCloned("worker-gpu-unlucky", 9004, true, TIMEOUT))
                .isInstanceOf(InfraException.Permanent.class)
                .hasMessageContaining("clone failed");
        assertThat(hypervisor.findByName("worker-gpu-unlucky")).isEmpty();

        assertThat(hypervisor.ensureCloned("worker-gpu-unlucky", 9004, true, TIMEOUT).name())
                .isEqualTo("worker-gpu-unlucky");
    }

    @Test
    void shouldSurfaceABootFailureAsPermanentAndLeaveTheVmStopped() {
        int id = hypervisor.ensureCloned("worker-burst-no-boot", SMALL, true, TIMEOUT).vmId();
        proxmox.faults().apply(FaultSettings.none().withFailNextStarts(1));

        assertThatThrownBy(() -> hypervisor.start(id, TIMEOUT))
                .isInstanceOf(InfraException.Permanent.class)
                .hasMessageContaining("start failed");
        assertThat(hypervisor.find(id).orElseThrow().power()).isEqualTo(VmPower.STOPPED);
    }

    @Test
    void shouldRefuseAMissingTemplateAndAnInvalidNameAsPermanent() {
        assertThatThrownBy(() -> hypervisor.ensureCloned("worker-burst-orphan", 9999, true, TIMEOUT))
                .isInstanceOf(InfraException.Permanent.class)
                .hasMessageContaining("template VM 9999 does not exist");

        int id = hypervisor.ensureCloned("worker-burst-named", SMALL, true, TIMEOUT).vmId();
        long before = proxmox.requests();
        assertThatThrownBy(() -> hypervisor.configure(id, settings("not_a_dns_name!", "burst", "small"), TIMEOUT))
                .isInstanceOf(InfraException.Permanent.class)
                .hasMessageContaining("400");
        assertThat(proxmox.requests() - before).isEqualTo(1);
    }

    @Test
    void shouldListManagedVmsWithPoolAndTemplateFromTheirTags() {
        int id = hypervisor.ensureCloned("worker-gpu-listed", 9004, true, TIMEOUT).vmId();
        hypervisor.configure(id, settings("worker-gpu-listed", "gpu", "gpu-nvidia"), TIMEOUT);
        hypervisor.ensureCloned("worker-untagged", SMALL, true, TIMEOUT);

        List<VmInfo> managed = hypervisor.managedVms();

        assertThat(managed).filteredOn(vm -> vm.name().equals("worker-gpu-listed")).singleElement()
                .satisfies(vm -> {
                    assertThat(vm.vmId()).isEqualTo(id);
                    assertThat(vm.pool()).isEqualTo("gpu");
                    assertThat(vm.template()).isEqualTo("gpu-nvidia");
                    assertThat(vm.host()).isEqualTo("pve1");
                });
        assertThat(managed).filteredOn(vm -> vm.name().equals("worker-permanent-001")).singleElement()
                .satisfies(vm -> assertThat(vm.pool()).isEqualTo("permanent"));
        assertThat(managed).extracting(VmInfo::name).doesNotContain("worker-untagged", "talos-small");
    }

    private static String parallelName(int i) {
        return "worker-spot-par-" + i;
    }

    private static VmSettings settings(String name, String pool, String template) {
        return new VmSettings(name, pool, template, 4, 8192, "local:snippets/talos-" + pool + ".yaml");
    }
}
