package io.resourcemanager.provisioner.testing;

import static io.resourcemanager.provisioner.testing.Fault.permanent;
import static io.resourcemanager.provisioner.testing.Fault.retriable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import io.resourcemanager.provisioner.domain.infra.VmInfo;
import io.resourcemanager.provisioner.domain.infra.VmInfo.VmPower;
import io.resourcemanager.provisioner.domain.infra.VmSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FakeHypervisorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final FakeClusterNodes nodes = new FakeClusterNodes();
    private final FakeHypervisor hypervisor = new FakeHypervisor(nodes);

    @Test
    void shouldReuseTheVmOfTheSameNameInsteadOfCloningTwice() {
        VmInfo first = hypervisor.ensureCloned("burst-abc", 9001, true, TIMEOUT);
        VmInfo again = hypervisor.ensureCloned("burst-abc", 9001, true, TIMEOUT);

        assertThat(again.vmId()).isEqualTo(first.vmId()).isEqualTo(100);
        assertThat(hypervisor.vms()).hasSize(1);
        assertThat(hypervisor.calls()).containsExactly("clone burst-abc from 9001", "clone burst-abc from 9001");
    }

    @Test
    void shouldTakeTheLowestFreeIdSoADestroyedVmsIdComesBack() {
        hypervisor.ensureCloned("a", 9001, true, TIMEOUT);
        hypervisor.ensureCloned("b", 9001, true, TIMEOUT);
        hypervisor.delete(100, TIMEOUT);

        assertThat(hypervisor.ensureCloned("c", 9001, true, TIMEOUT).vmId()).isEqualTo(100);
    }

    @Test
    void shouldRefuseACloneOfAMissingTemplateAsPermanent() {
        assertThatThrownBy(() -> hypervisor.ensureCloned("burst-abc", 9999, true, TIMEOUT))
                .isInstanceOf(InfraException.Permanent.class)
                .hasMessageContaining("template VM 9999 does not exist");
        assertThat(hypervisor.vms()).isEmpty();
    }

    @Test
    void shouldKeepACloneUntaggedUntilConfigured() {
        int id = hypervisor.ensureCloned("burst-abc", 9002, true, TIMEOUT).vmId();
        assertThat(hypervisor.managedVms()).isEmpty();

        hypervisor.configure(id, settings("burst-abc"), TIMEOUT);

        assertThat(hypervisor.managedVms()).singleElement().satisfies(vm -> {
            assertThat(vm.pool()).isEqualTo("burst");
            assertThat(vm.power()).isEqualTo(VmPower.STOPPED);
        });
    }

    @Test
    void shouldRegisterAReadyNodeWithoutPoolLabelWhenAConfiguredVmStarts() {
        int id = provisioned("burst-abc");

        hypervisor.start(id, TIMEOUT);
        hypervisor.start(id, TIMEOUT);

        ObservedNode node = nodes.find("burst-abc").orElseThrow();
        assertThat(node.ready()).isTrue();
        assertThat(node.pool()).isEmpty();
        assertThat(node.cpuMillis()).isEqualTo(3800);
        assertThat(nodes.workers()).isEmpty();
        assertThat(hypervisor.find(id).orElseThrow().power()).isEqualTo(VmPower.RUNNING);
    }

    @Test
    void shouldNotJoinAVmBootedWithoutMachineConfig() {
        int id = hypervisor.ensureCloned("burst-abc", 9001, true, TIMEOUT).vmId();

        hypervisor.start(id, TIMEOUT);

        assertThat(nodes.nodes()).isEmpty();
    }

    @Test
    void shouldLeaveTheNodeNotReadyWhenTheVmStopsAndRefuseToDestroyARunningVm() {
        int id = provisioned("burst-abc");
        hypervisor.start(id, TIMEOUT);

        assertThatThrownBy(() -> hypervisor.delete(id, TIMEOUT))
                .isInstanceOf(InfraException.Permanent.class).hasMessageContaining("running");
        hypervisor.shutdown(id, Duration.ofSeconds(120));
        hypervisor.delete(id, TIMEOUT);

        assertThat(hypervisor.vms()).isEmpty();
        assertThat(nodes.find("burst-abc")).hasValueSatisfying(node -> assertThat(node.ready()).isFalse());
    }

    @Test
    void shouldTreatShutdownAndDeleteOfAnAbsentVmAsDone() {
        hypervisor.shutdown(321, Duration.ofSeconds(120));
        hypervisor.delete(321, TIMEOUT);

        assertThat(hypervisor.calls()).containsExactly("shutdown 321", "delete 321");
    }

    @Test
    void shouldFailTheNextCallsWithoutChangingAnything() {
        hypervisor.failNext(Operation.CLONE, 2, retriable("storage busy"));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> hypervisor.ensureCloned("burst-abc", 9001, true, TIMEOUT))
                    .isInstanceOf(InfraException.Retriable.class)
                    .hasMessage("clone burst-abc from 9001: storage busy");
        }
        assertThat(hypervisor.vms()).isEmpty();
        assertThat(hypervisor.ensureCloned("burst-abc", 9001, true, TIMEOUT).vmId()).isEqualTo(100);
    }

    @Test
    void shouldLeaveAHalfCreatedVmBehindWhenACloneFailsAfterCreatingIt() {
        hypervisor.failAfterNext(Operation.CLONE, permanent("copy failed"));

        assertThatThrownBy(() -> hypervisor.ensureCloned("burst-abc", 9001, true, TIMEOUT))
                .isInstanceOf(InfraException.Permanent.class);

        assertThat(hypervisor.findByName("burst-abc")).hasValueSatisfying(vm -> {
            assertThat(vm.power()).isEqualTo(VmPower.STOPPED);
            assertThat(vm.managed()).isFalse();
        });
    }

    @Test
    void shouldCrashOnlyAfterTheOperationTookEffect() {
        int id = provisioned("burst-abc");
        hypervisor.crashAfter(Operation.START);

        assertThatThrownBy(() -> hypervisor.start(id, TIMEOUT))
                .isInstanceOf(SimulatedCrash.class)
                .isNotInstanceOf(InfraException.class);

        assertThat(nodes.find("burst-abc")).hasValueSatisfying(node -> assertThat(node.ready()).isTrue());
        hypervisor.start(id, TIMEOUT);
        assertThat(nodes.nodes()).hasSize(1);
    }

    @Test
    void shouldRefuseFaultsForCallsItDoesNotMake() {
        assertThatThrownBy(() -> hypervisor.failNext(Operation.DRAIN, retriable("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCloneEachNameOnceUnderConcurrentCalls() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<VmInfo>> clones = IntStream.range(0, 40)
                    .<Callable<VmInfo>>mapToObj(i -> () -> hypervisor.ensureCloned("w" + i % 10, 9001, true, TIMEOUT))
                    .toList();
            List<Integer> ids = pool.invokeAll(clones).stream().map(FakeHypervisorTest::vmId).distinct().toList();

            assertThat(ids).hasSize(10);
            assertThat(hypervisor.vms()).hasSize(10);
        } finally {
            pool.shutdownNow();
        }
    }

    private int provisioned(String name) {
        int id = hypervisor.ensureCloned(name, 9001, true, TIMEOUT).vmId();
        hypervisor.configure(id, settings(name), TIMEOUT);
        return id;
    }

    private static VmSettings settings(String name) {
        return new VmSettings(name, "burst", "small", 4, 8192, "burst.yaml");
    }

    private static int vmId(Future<VmInfo> future) {
        try {
            return future.get().vmId();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
