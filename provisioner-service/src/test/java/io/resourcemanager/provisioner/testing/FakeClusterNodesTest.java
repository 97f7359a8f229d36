package io.resourcemanager.provisioner.testing;

import static io.resourcemanager.provisioner.testing.Fault.retriable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.infra.DrainPolicy;
import io.resourcemanager.provisioner.domain.infra.DrainResult;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import io.resourcemanager.provisioner.domain.infra.VmSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeClusterNodesTest {

    private static final Duration WAIT = Duration.ofMinutes(5);

    private final FakeInfrastructure infra = new FakeInfrastructure();
    private final FakeClusterNodes nodes = infra.nodes();
    private final FakeHypervisor hypervisor = infra.hypervisor();

    @Test
    void shouldAnswerAwaitAtOnceWhenTheNodeIsReady() {
        boot("burst-abc");

        assertThat(nodes.await("burst-abc", true, WAIT).name()).isEqualTo("burst-abc");
    }

    @Test
    void shouldReportATimeoutInsteadOfWaitingForANodeThatNeverJoins() {
        nodes.neverJoin("burst-abc");
        boot("burst-abc");

        assertThatThrownBy(() -> nodes.await("burst-abc", false, WAIT))
                .isInstanceOf(InfraException.Retriable.class).hasMessageContaining("timed out");
    }

    @Test
    void shouldLetOnlyTheNextStartedVmStayAway() {
        nodes.neverJoinNext();
        boot("burst-a");
        boot("burst-b");

        assertThat(nodes.nodes()).extracting(ObservedNode::name).containsExactly("burst-b");
    }

    @Test
    void shouldTellRegisteredFromReady() {
        nodes.neverReady("burst-abc");
        boot("burst-abc");

        assertThat(nodes.await("burst-abc", false, WAIT).ready()).isFalse();
        assertThatThrownBy(() -> nodes.await("burst-abc", true, WAIT))
                .isInstanceOf(InfraException.Retriable.class).hasMessageContaining("not Ready");
    }

    @Test
    void shouldMakeALabelledNodeAWorkerOfItsPoolKeepingOtherLabelsAndReplacingTaints() {
        boot("burst-abc");
        nodes.label("burst-abc", Map.of("node-pool", "burst"), List.of("workload-type=burst:NoSchedule"));
        nodes.label("burst-abc", Map.of("ttl", "1700000000"), List.of());

        ObservedNode worker = nodes.workers().get(0);
        assertThat(worker.pool()).isEqualTo("burst");
        assertThat(worker.labels()).containsEntry("ttl", "1700000000").containsEntry("kubernetes.io/hostname", "burst-abc");
        assertThat(nodes.taints("burst-abc")).isEmpty();
    }

    @Test
    void shouldRelabelANodeKeepingItsOtherLabelsAndTaints() {
        boot("burst-abc");
        nodes.label("burst-abc", Map.of("node-pool", "burst", "ttl", "1700000000"),
                List.of("workload-type=burst:NoSchedule"));

        nodes.relabel("burst-abc", Map.of("ttl", "1700007200"));

        assertThat(nodes.find("burst-abc").orElseThrow().labels()).containsEntry("ttl", "1700007200")
                .containsEntry("node-pool", "burst");
        assertThat(nodes.taints("burst-abc")).containsExactly("workload-type=burst:NoSchedule");
        assertThat(nodes.calls()).contains("relabel burst-abc");
        assertThatThrownBy(() -> nodes.relabel("burst-gone", Map.of("ttl", "1")))
                .isInstanceOf(InfraException.Permanent.class);
    }

    @Test
    void shouldLeavePodsThatABudgetProtectsWhenDraining() {
        boot("burst-abc");
        nodes.placePods("burst-abc", "shop/web-1", "shop/db-0").protectByBudget("shop/db-0");

        DrainResult result = nodes.drain("burst-abc", DrainPolicy.defaults());

        assertThat(result.evicted()).isEqualTo(1);
        assertThat(result.remaining()).containsExactly("shop/db-0");
        nodes.releaseBudgets();
        assertThat(nodes.drain("burst-abc", DrainPolicy.defaults()).complete()).isTrue();
        assertThat(nodes.pods("burst-abc")).isEmpty();
    }

    @Test
    void shouldDeleteAnAbsentNodeQuietlyButRefuseToCordonIt() {
        nodes.delete("gone");

        assertThatThrownBy(() -> nodes.cordon("gone", true)).isInstanceOf(InfraException.Permanent.class);
    }

    @Test
    void shouldBringAFailedKubeletBackThroughTheAgentButNotWithoutOne() {
        boot("burst-abc");
        nodes.kubeletFails("burst-abc");
        assertThat(nodes.find("burst-abc").orElseThrow().ready()).isFalse();

        assertThatThrownBy(() -> FakeNodeAgent.unavailable(nodes).restartKubelet("burst-abc"))
                .isInstanceOf(InfraException.Permanent.class);
        infra.agent().restartKubelet("burst-abc");

        assertThat(nodes.find("burst-abc").orElseThrow().ready()).isTrue();
    }

    @Test
    void shouldFailTheNextCallThenRecoverAndRecordBoth() {
        boot("burst-abc");
        nodes.failNext(Operation.CORDON, retriable("conflict"));

        assertThatThrownBy(() -> nodes.cordon("burst-abc", true)).isInstanceOf(InfraException.Retriable.class);
        assertThat(nodes.find("burst-abc").orElseThrow().schedulable()).isTrue();
        nodes.cordon("burst-abc", true);

        assertThat(nodes.find("burst-abc").orElseThrow().schedulable()).isFalse();
        assertThat(nodes.calls()).containsExactly("cordon burst-abc", "cordon burst-abc");
    }

    @Test
    void shouldListCallsOfAllSystemsInOrder() {
        int id = boot("burst-abc");
        nodes.delete("burst-abc");
        hypervisor.shutdown(id, WAIT);

        assertThat(infra.timeline()).containsExactly("clone burst-abc from 9001", "configure 100", "start 100",
                "delete node burst-abc", "shutdown 100");
    }

    private int boot(String name) {
        int id = hypervisor.ensureCloned(name, 9001, true, WAIT).vmId();
        hypervisor.configure(id, new VmSettings(name, "burst", "small", 4, 8192, "burst.yaml"), WAIT);
        hypervisor.start(id, WAIT);
        return id;
    }
}
