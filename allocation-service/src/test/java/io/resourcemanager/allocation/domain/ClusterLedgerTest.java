package io.resourcemanager.allocation.domain;

import static io.resourcemanager.allocation.domain.LedgerFixtures.T0;
import static io.resourcemanager.allocation.domain.LedgerFixtures.aRequest;
import static io.resourcemanager.allocation.domain.LedgerFixtures.node;
import static io.resourcemanager.allocation.domain.LedgerFixtures.referenceCluster;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterLedgerTest {

    @Test
    void shouldHoldTheReferenceScenarioOfTheSpec() {
        ClusterLedger ledger = referenceCluster();

        List<LedgerEvent> first = ledger.request(aRequest("alloc-000000000001").workers(4).build(), T0);

        assertThat(first).singleElement().isInstanceOf(LedgerEvent.Granted.class);
        CapacityReport capacity = ledger.capacity();
        assertThat(capacity.allocated()).isEqualTo(new Resources(4000, 8192, 0));
        assertThat(capacity.allocatedWorkers()).isEqualTo(4);
        assertThat(capacity.available()).isEqualTo(new Resources(12000, 24576, 0));
        assertThat(capacity.availableWorkers()).isEqualTo(6);
        assertThat(capacity.activeAllocations()).isEqualTo(1);

        List<LedgerEvent> second = ledger.request(aRequest("alloc-000000000002").workers(10).build(), T0);

        assertThat(second).singleElement().isInstanceOfSatisfying(LedgerEvent.Rejected.class, rejected ->
                assertThat(rejected.allocation().error()).isEqualTo("Insufficient workers: requested 10, available 6"));
        assertThat(ledger.capacity().allocatedWorkers()).isEqualTo(4);
    }

    @Test
    void shouldCheckCpuBeforeMemoryWhenWorkersFit() {
        ClusterLedger ledger = referenceCluster();

        LedgerEvent cpuShort = ledger.request(aRequest("a").workers(2).shape(new Resources(9000, 1024, 0)).build(), T0).get(0);
        LedgerEvent memoryShort = ledger.request(aRequest("b").workers(2).shape(new Resources(1000, 20000, 0)).build(), T0).get(0);

        assertThat(cpuShort.allocation().error()).isEqualTo("Insufficient CPU: needed 18.0, available 16.0");
        assertThat(memoryShort.allocation().error()).isEqualTo("Insufficient memory: needed 40000MB, available 32768MB");
    }

    @Test
    void shouldNameTheNodeOfEveryGrantedWorker() {
        ClusterLedger ledger = referenceCluster();

        Allocation granted = ledger.request(aRequest("a").workers(3).build(), T0).get(0).allocation();

        assertThat(granted.placements()).extracting(WorkerPlacement::workerId)
                .containsExactly("worker-job-a-000", "worker-job-a-001", "worker-job-a-002");
        assertThat(granted.placements()).allSatisfy(p -> assertThat(p.node()).isIn("node-a", "node-b"));
    }

    @Test
    void shouldPackWorkersOntoTheFullestNodeThatFits() {
        ClusterLedger ledger = new ClusterLedger(LedgerSettings.defaults());
        ledger.nodeUpdated(node("big", "permanent", 16000, 32768), T0);
        ledger.nodeUpdated(node("small", "permanent", 4000, 8192), T0);

        Allocation granted = ledger.request(aRequest("a").workers(2).build(), T0).get(0).allocation();

        assertThat(granted.placements()).extracting(WorkerPlacement::node).containsOnly("small");
    }

    @Test
    void shouldIgnoreARepeatedRequest() {
        ClusterLedger ledger = referenceCluster();
        ledger.request(aRequest("a").workers(2).build(), T0);

        assertThat(ledger.request(aRequest("a").workers(2).build(), T0)).isEmpty();
        assertThat(ledger.capacity().allocatedWorkers()).isEqualTo(2);
    }

    @Test
    void shouldFreeWhatAReleasedAllocationHeldExactlyOnce() {
        ClusterLedger ledger = referenceCluster();
        ledger.request(aRequest("a").workers(4).build(), T0);

        LedgerEvent released = ledger.release("a", T0.plusSeconds(90)).get(0);

        assertThat(released).isInstanceOfSatisfying(LedgerEvent.Released.class, r -> {
            assertThat(r.freed()).isEqualTo(new Resources(4000, 8192, 0));
            assertThat(r.workersReleased()).isEqualTo(4);
            assertThat(r.allocation().status()).isEqualTo(AllocationStatus.RELEASED);
        });
        assertThat(ledger.release("a", T0.plusSeconds(91))).isEmpty();
        assertThat(ledger.capacity().allocated()).isEqualTo(Resources.NONE);
        assertThat(ledger.capacity().allocatedWorkers()).isZero();
    }

    @Test
    void shouldFreeNothingWhenAFailedOrUnknownAllocationIsReleased() {
        ClusterLedger ledger = referenceCluster();
        ledger.request(aRequest("big").workers(11).build(), T0);

        assertThat(ledger.release("big", T0)).isEmpty();
        assertThat(ledger.release("nope", T0)).isEmpty();
        assertThat(ledger.capacity().availableWorkers()).isEqualTo(10);
    }

    @Test
    void shouldExpireOnlyPastTheDeadlineAndOnlyOnce() {
        ClusterLedger ledger = referenceCluster();
        ledger.request(aRequest("a").workers(1).ttlSeconds(60).build(), T0);

        assertThat(ledger.expire("a", T0.plusSeconds(59))).isEmpty();
        assertThat(ledger.expire("a", T0.plusSeconds(60))).singleElement().isInstanceOf(LedgerEvent.Expired.class);
        assertThat(ledger.expire("a", T0.plusSeconds(61))).isEmpty();
        assertThat(ledger.capacity().allocatedWorkers()).isZero();
    }

    @Test
    void shouldCountMcpServerReferencesOfActiveAllocations() {
        ClusterLedger ledger = referenceCluster();
        ledger.request(aRequest("a").mcpServers("filesystem", "github").build(), T0);
        ledger.request(aRequest("b").mcpServers("filesystem").build(), T0);

        assertThat(ledger.capacity().mcpServerReferences()).containsEntry("filesystem", 2).containsEntry("github", 1);
    }

    @Test
    void shouldKeepWorkersOffTaintedPoolsUnlessTargeted() {
        ClusterLedger ledger = new ClusterLedger(LedgerSettings.defaults());
        ledger.nodeUpdated(node("burst-1", "burst", 8000, 16384), T0);

        assertThat(ledger.request(aRequest("a").workers(1).build(), T0).get(0)).isInstanceOf(LedgerEvent.Rejected.class);
        assertThat(ledger.request(aRequest("b").workers(1).inPool("burst").build(), T0).get(0))
                .isInstanceOf(LedgerEvent.Granted.class);
    }
}
