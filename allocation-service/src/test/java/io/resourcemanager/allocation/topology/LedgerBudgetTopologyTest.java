package io.resourcemanager.allocation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.AllocationRejected;
import io.resourcemanager.events.AllocationReleased;
import io.resourcemanager.events.AllocationStatus;
import io.resourcemanager.events.Priority;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Budget enforcements of rm.cost.enforcements through the ledger topology. */
class LedgerBudgetTopologyTest {

    private static final String BUDGET = "division-security-tokens";
    private static final String REASON = "Budget division-security-tokens is exhausted (25000 of 25000 tokens on "
            + "2026-12-07): new allocations of division security are refused until 2026-12-08T00:00:00Z";

    private LedgerDriver ledger;

    @BeforeEach
    void startLedger() {
        ledger = new LedgerDriver(LedgerSettings.defaults(), new MutableClock(Events.T0));
        ledger.node("node-a");
        ledger.node("node-b");
    }

    @AfterEach
    void closeLedger() {
        ledger.close();
    }

    @Test
    void shouldRefuseNewAllocationsOfAnEnforcedDivisionWithTheBudgetsReason() {
        ledger.enforce(BUDGET, "security", REASON);

        ledger.request("alloc-000000000001", 1, Priority.NORMAL, "security", false);
        ledger.request("alloc-000000000002", 1, Priority.CRITICAL, "security", true);

        assertThat(ledger.decisions()).hasSize(2).allSatisfy(decision ->
                assertThat(decision).isInstanceOfSatisfying(AllocationRejected.class, rejected ->
                        assertThat(rejected.getError()).isEqualTo(REASON)));
        assertThat(ledger.states().get("alloc-000000000001").getState()).isEqualTo(AllocationStatus.FAILED);
    }

    @Test
    void shouldGrantOtherDivisionsWhileOneIsEnforced() {
        ledger.enforce(BUDGET, "security", REASON);

        ledger.request("alloc-000000000001", 1, Priority.NORMAL, "development", false);
        ledger.request("alloc-000000000002", 1, Priority.NORMAL, null, false);

        assertThat(ledger.decisions()).hasSize(2).allSatisfy(decision ->
                assertThat(decision).isInstanceOf(AllocationGranted.class));
    }

    @Test
    void shouldGrantTheDivisionAgainAfterTheTombstone() {
        ledger.enforce(BUDGET, "security", REASON);
        ledger.request("alloc-000000000001", 1, Priority.NORMAL, "security", false);

        ledger.lift(BUDGET);
        ledger.request("alloc-000000000002", 1, Priority.NORMAL, "security", false);

        assertThat(ledger.decisions()).extracting(decision -> decision.getClass().getSimpleName())
                .containsExactly("AllocationRejected", "AllocationGranted");
    }

    @Test
    void shouldKeepTheDivisionBlockedWhileAnyBudgetNamingItIsEnforced() {
        ledger.enforce(BUDGET, "security", REASON);
        ledger.enforce("division-security-compute", "security", "Budget division-security-compute is exhausted");

        ledger.lift(BUDGET);
        ledger.request("alloc-000000000001", 1, Priority.NORMAL, "security", false);

        assertThat(ledger.decisions()).singleElement().isInstanceOfSatisfying(AllocationRejected.class, rejected ->
                assertThat(rejected.getError()).isEqualTo("Budget division-security-compute is exhausted"));
    }

    @Test
    void shouldStillReleaseAnAllocationOfAnEnforcedDivision() {
        ledger.request("alloc-000000000001", 2, Priority.NORMAL, "security", false);
        ledger.enforce(BUDGET, "security", REASON);

        ledger.release("alloc-000000000001");

        assertThat(ledger.decisions()).extracting(decision -> decision.getClass().getSimpleName())
                .containsExactly("AllocationGranted", "AllocationReleased");
        assertThat(ledger.states().get("alloc-000000000001").getState()).isEqualTo(AllocationStatus.RELEASED);
    }
}
