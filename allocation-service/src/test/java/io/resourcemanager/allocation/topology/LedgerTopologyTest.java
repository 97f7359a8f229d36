package io.resourcemanager.allocation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.events.AllocationExpired;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.AllocationPreempted;
import io.resourcemanager.events.AllocationQueued;
import io.resourcemanager.events.AllocationRejected;
import io.resourcemanager.events.AllocationReleased;
import io.resourcemanager.events.AllocationState;
import io.resourcemanager.events.AllocationStatus;
import io.resourcemanager.events.Priority;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerTopologyTest {

    private final MutableClock clock = new MutableClock(Events.T0);
    private LedgerDriver ledger;

    @BeforeEach
    void startLedger() {
        ledger = new LedgerDriver(LedgerSettings.defaults().withMaxWorkers(10), clock);
        ledger.node("node-a");
        ledger.node("node-b");
    }

    @AfterEach
    void closeLedger() {
        ledger.close();
    }

    @Test
    void shouldHoldTheReferenceScenarioThroughKafka() {
        request("alloc-000000000001", 4, Priority.NORMAL, false);
        request("alloc-000000000002", 10, Priority.NORMAL, false);

        List<Object> decisions = ledger.decisions();
        assertThat(decisions.get(0)).isInstanceOfSatisfying(AllocationGranted.class, granted -> {
            assertThat(granted.getWorkers()).hasSize(4);
            assertThat(granted.getResources().getCpuMillis()).isEqualTo(4000);
            assertThat(granted.getResources().getMemoryMb()).isEqualTo(8192);
        });
        assertThat(decisions.get(1)).isInstanceOfSatisfying(AllocationRejected.class, rejected ->
                assertThat(rejected.getError()).isEqualTo("Insufficient workers: requested 10, available 6"));
        Map<String, AllocationState> latest = ledger.states();
        assertThat(latest.get("alloc-000000000001").getState()).isEqualTo(AllocationStatus.ACTIVE);
        assertThat(latest.get("alloc-000000000002").getState()).isEqualTo(AllocationStatus.FAILED);
    }

    @Test
    void shouldReleaseOnceAndIgnoreARepeatedRequest() {
        request("alloc-000000000001", 4, Priority.NORMAL, false);
        request("alloc-000000000001", 4, Priority.NORMAL, false);
        ledger.release("alloc-000000000001");
        ledger.release("alloc-000000000001");

        List<Object> decisions = ledger.decisions();
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(1)).isInstanceOfSatisfying(AllocationReleased.class, released -> {
            assertThat(released.getWorkersReleased()).isEqualTo(4);
            assertThat(released.getFreed().getCpuMillis()).isEqualTo(4000);
        });
    }

    @Test
    void shouldReportQueuePositionsAndGrantInOrderWhenCapacityFrees() {
        request("alloc-000000000001", 10, Priority.NORMAL, false);
        request("alloc-000000000002", 2, Priority.NORMAL, true);
        request("alloc-000000000003", 2, Priority.NORMAL, true);

        assertThat(ledger.decisions()).filteredOn(AllocationQueued.class::isInstance)
                .extracting(p -> ((AllocationQueued) p).getQueuePosition()).containsExactly(1, 2);
        assertThat(ledger.states().get("alloc-000000000003").getQueuePosition()).isEqualTo(2);

        ledger.release("alloc-000000000001");

        assertThat(ledger.decisions()).filteredOn(AllocationGranted.class::isInstance)
                .extracting(p -> ((AllocationGranted) p).getAllocationId())
                .containsExactly("alloc-000000000002", "alloc-000000000003");
    }

    @Test
    void shouldPreemptLowPriorityWorkForCriticalRequests() {
        request("alloc-00000000000a", 10, Priority.LOW, false);
        request("alloc-00000000000b", 4, Priority.CRITICAL, false);

        List<Object> decisions = ledger.decisions();
        assertThat(decisions.get(1)).isInstanceOfSatisfying(AllocationPreempted.class, preempted -> {
            assertThat(preempted.getAllocationId()).isEqualTo("alloc-00000000000a");
            assertThat(preempted.getPreemptedBy()).isEqualTo("alloc-00000000000b");
        });
        assertThat(decisions.get(2)).isInstanceOf(AllocationGranted.class);
    }

    @Test
    void shouldMoveOrPreemptWorkWhenANodeLeavesTheCluster() {
        request("alloc-000000000001", 10, Priority.NORMAL, false);
        ledger.decisions();

        ledger.removeNode("node-a");

        assertThat(ledger.decisions()).singleElement().isInstanceOfSatisfying(AllocationPreempted.class, preempted ->
                assertThat(preempted.getReason()).isEqualTo("Node node-a was removed"));
    }

    @Test
    void shouldExpireAnAllocationOnceWhenTheTtlServiceSaysItsDeadlinePassed() {
        request("alloc-000000000001", 2, Priority.NORMAL, false);
        ledger.decisions();

        clock.advance(Duration.ofSeconds(3599));
        ledger.ttlExpired("alloc-000000000001");
        assertThat(ledger.decisions()).as("not due yet").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        ledger.ttlExpired("alloc-000000000001");
        ledger.ttlExpired("alloc-000000000001");

        assertThat(ledger.decisions()).singleElement().isInstanceOfSatisfying(AllocationExpired.class, expired ->
                assertThat(expired.getFreed().getCpuMillis()).isEqualTo(2000));
    }

    private void request(String id, int workers, Priority priority, boolean queue) {
        ledger.request(id, workers, priority, null, queue);
    }
}
