package io.resourcemanager.allocation.domain;

import static io.resourcemanager.allocation.domain.LedgerFixtures.T0;
import static io.resourcemanager.allocation.domain.LedgerFixtures.aRequest;
import static io.resourcemanager.allocation.domain.LedgerFixtures.node;
import static io.resourcemanager.allocation.domain.LedgerFixtures.referenceCluster;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueueingAndPreemptionTest {

    @Test
    void shouldQueueWithAPositionAndGrantWhenCapacityFrees() {
        ClusterLedger ledger = referenceCluster();
        ledger.request(aRequest("a").workers(10).build(), T0);

        LedgerEvent first = ledger.request(aRequest("b").workers(2).queueIfShort().build(), T0).get(0);
        LedgerEvent second = ledger.request(aRequest("c").workers(2).queueIfShort().build(), T0).get(0);

        assertThat(first).isInstanceOfSatisfying(LedgerEvent.Queued.class, q -> assertThat(q.position()).isEqualTo(1));
        assertThat(second).isInstanceOfSatisfying(LedgerEvent.Queued.class, q -> assertThat(q.position()).isEqualTo(2));

        List<LedgerEvent> afterRelease = ledger.release("a", T0.plusSeconds(1));

        assertThat(afterRelease).filteredOn(LedgerEvent.Granted.class::isInstance)
                .extracting(e -> e.allocation().id()).containsExactly("b", "c");
    }

    @Test
    void shouldServeHigherPrioritiesFirstAndMoveOthersUp() {
        ClusterLedger ledger = referenceCluster();
        ledger.request(aRequest("full").workers(10).priority(Priority.HIGH).build(), T0);
        ledger.request(aRequest("n1").workers(6).queueIfShort().build(), T0);
        ledger.request(aRequest("n2").workers(2).queueIfShort().build(), T0);
        ledger.request(aRequest("h1").workers(6).priority(Priority.HIGH).queueIfShort().build(), T0);

        List<LedgerEvent> events = ledger.release("full", T0.plusSeconds(1));

        assertThat(events).filteredOn(LedgerEvent.Granted.class::isInstance)
                .extracting(e -> e.allocation().id()).containsExactly("h1");
        assertThat(ledger.live("n1").orElseThrow().status()).isEqualTo(AllocationStatus.QUEUED);
    }

    @Test
    void shouldRejectWhenThePriorityQueueIsFull() {
        ClusterLedger ledger = new ClusterLedger(LedgerSettings.defaults().withMaxWorkers(1).withQueueMaxSize(1));
        ledger.nodeUpdated(node("n", "permanent", 8000, 16384), T0);
        ledger.request(aRequest("a").workers(1).build(), T0);
        ledger.request(aRequest("b").workers(1).queueIfShort().build(), T0);

        LedgerEvent overflow = ledger.request(aRequest("c").workers(1).queueIfShort().build(), T0).get(0);

        assertThat(overflow.allocation().error()).contains("normal queue is full (max 1)");
    }

    @Test
    void shouldReleaseAQueuedAllocationWithoutFreeingAnything() {
        ClusterLedger ledger = referenceCluster();
        ledger.request(aRequest("a").workers(10).build(), T0);
        ledger.request(aRequest("q").workers(3).queueIfShort().build(), T0);

        LedgerEvent released = ledger.release("q", T0).get(0);

        assertThat(((LedgerEvent.Released) released).freed()).isEqualTo(Resources.NONE);
        assertThat(ledger.capacity().allocatedWorkers()).isEqualTo(10);
    }

    @Test
    void shouldPreemptTheFewestLowestPriorityYoungestVictims() {
        ClusterLedger ledger = referenceCluster();
        ledger.request(aRequest("low-old").workers(3).priority(Priority.LOW).build(), T0);
        ledger.request(aRequest("low-young").workers(3).priority(Priority.LOW).build(), T0.plusSeconds(10));
        ledger.request(aRequest("normal").workers(4).build(), T0.plusSeconds(20));

        List<LedgerEvent> events = ledger.request(aRequest("crit").workers(3).priority(Priority.CRITICAL).build(),
                T0.plusSeconds(30));

        assertThat(events).filteredOn(LedgerEvent.Preempted.class::isInstance)
                .extracting(e -> e.allocation().id()).containsExactly("low-young");
        assertThat(events).last().isInstanceOf(LedgerEvent.Granted.class);
        LedgerEvent.Preempted preempted = (LedgerEvent.Preempted) events.get(0);
        assertThat(preempted.preemptedBy()).isEqualTo("crit");
        assertThat(preempted.freed()).isEqualTo(new Resources(3000, 6144, 0));
    }

    @Test
    void shouldNeverPreemptHighOrCriticalOrForNormalRequests() {
        ClusterLedger ledger = referenceCluster();
        ledger.request(aRequest("high").workers(10).priority(Priority.HIGH).build(), T0);

        assertThat(ledger.request(aRequest("crit").workers(1).priority(Priority.CRITICAL).build(), T0).get(0))
                .isInstanceOf(LedgerEvent.Rejected.class);
        assertThat(ledger.live("high")).isPresent();
    }

    @Test
    void shouldMoveWorkersOffANodeThatStopsCountingOrPreemptWhenTheyCannotMove() {
        ClusterLedger ledger = new ClusterLedger(LedgerSettings.defaults());
        ledger.nodeUpdated(node("a", "permanent", 4000, 8192), T0);
        ledger.nodeUpdated(node("b", "permanent", 2000, 4096), T0);
        Allocation fits = ledger.request(aRequest("fits").workers(2).build(), T0).get(0).allocation();
        assertThat(fits.placements()).extracting(WorkerPlacement::node).containsOnly("b");

        List<LedgerEvent> moved = ledger.nodeUpdated(new NodeCapacity("b", "permanent", "medium",
                new Resources(2000, 4096, 0), false, true, true), T0);

        assertThat(moved).singleElement().isInstanceOfSatisfying(LedgerEvent.Moved.class, m ->
                assertThat(m.allocation().placements()).extracting(WorkerPlacement::node).containsOnly("a"));

        ledger.request(aRequest("more").workers(2).build(), T0);
        List<LedgerEvent> lost = ledger.nodeRemoved("a", T0);

        assertThat(lost).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(LedgerEvent.Preempted.class));
        assertThat(ledger.capacity().allocatedWorkers()).isZero();
        assertThat(ledger.capacity().allocated()).isEqualTo(Resources.NONE);
    }
}
