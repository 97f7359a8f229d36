package io.resourcemanager.allocation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.allocation.domain.DivisionPolicies;
import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.allocation.domain.Quota;
import io.resourcemanager.allocation.domain.Reservation;
import io.resourcemanager.allocation.domain.Resources;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.AllocationQueued;
import io.resourcemanager.events.AllocationRejected;
import io.resourcemanager.events.Priority;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.MutableClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quota and reservation rules through the ledger topology. */
class LedgerPoliciesTopologyTest {

    private LedgerDriver ledger;

    @BeforeEach
    void startLedger() {
        DivisionPolicies policies = new DivisionPolicies(
                Map.of("research", new Quota("research", new Resources(2000, 4096, 0), 0, false, 0.4)),
                List.of(new Reservation("security-always", "security", new Resources(8000, 16384, 0), null, null)));
        ledger = new LedgerDriver(LedgerSettings.defaults().withPolicies(policies), new MutableClock(Events.T0));
        ledger.node("node-a");
        ledger.node("node-b");
    }

    @AfterEach
    void closeLedger() {
        ledger.close();
    }

    @Test
    void shouldRejectRequestsBeyondTheDivisionQuotaAndQueueThemWithoutDemand() {
        ledger.request("alloc-000000000001", 2, Priority.NORMAL, "research", false);
        ledger.request("alloc-000000000002", 1, Priority.NORMAL, "research", false);
        ledger.request("alloc-000000000003", 1, Priority.NORMAL, "research", true);

        List<Object> decisions = ledger.decisions();
        assertThat(decisions.get(0)).isInstanceOf(AllocationGranted.class);
        assertThat(decisions.get(1)).isInstanceOfSatisfying(AllocationRejected.class, rejected ->
                assertThat(rejected.getError()).startsWith("Quota exceeded for division research"));
        assertThat(decisions.get(2)).isInstanceOfSatisfying(AllocationQueued.class, queued ->
                assertThat(queued.getCountsAsDemand()).isFalse());
    }

    @Test
    void shouldKeepReservedCapacityFromOtherDivisions() {
        ledger.request("alloc-000000000001", 9, Priority.NORMAL, "development", false);
        ledger.request("alloc-000000000002", 16, Priority.NORMAL, "security", false);

        List<Object> decisions = ledger.decisions();
        assertThat(decisions.get(0)).isInstanceOfSatisfying(AllocationRejected.class, rejected ->
                assertThat(rejected.getError()).isEqualTo("Insufficient CPU: needed 9.0, available 8.0"));
        assertThat(decisions.get(1)).isInstanceOf(AllocationGranted.class);
    }
}
