package io.resourcemanager.allocation.domain;

import static io.resourcemanager.allocation.domain.LedgerFixtures.T0;
import static io.resourcemanager.allocation.domain.LedgerFixtures.aRequest;
import static io.resourcemanager.allocation.domain.LedgerFixtures.referenceCluster;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** New requests of a division an enforced budget blocks are refused; nothing else changes. */
class BlockedDivisionsTest {

    private static final String REASON = "Budget division-security-tokens is exhausted (25000 of 25000 tokens on "
            + "2026-12-07): new allocations of division security are refused until 2026-12-08T00:00:00Z";
    private static final BlockedDivisions SECURITY = new BlockedDivisions(Map.of("security", REASON));

    @Test
    void shouldRefuseANewRequestOfABlockedDivisionWithTheBudgetsReason() {
        ClusterLedger ledger = referenceCluster();

        List<LedgerEvent> events = ledger.request(aRequest("a").workers(1).division("security").build(), SECURITY, T0);

        assertThat(events).singleElement().isInstanceOfSatisfying(LedgerEvent.Rejected.class, rejected -> {
            assertThat(rejected.allocation().status()).isEqualTo(AllocationStatus.FAILED);
            assertThat(rejected.allocation().error()).isEqualTo(REASON);
        });
        assertThat(ledger.capacity().allocatedWorkers()).isZero();
    }

    @Test
    void shouldRefuseRatherThanQueueARequestThatAskedToWait() {
        ClusterLedger ledger = referenceCluster();
        AllocationRequest waiting = aRequest("a").division("security").queueIfShort().build();

        List<LedgerEvent> events = ledger.request(waiting, SECURITY, T0);

        assertThat(events).singleElement().isInstanceOf(LedgerEvent.Rejected.class);
        assertThat(ledger.live("a")).isEmpty();
    }

    @Test
    void shouldGrantOtherDivisionsAndRequestsNamingNone() {
        ClusterLedger ledger = referenceCluster();

        assertThat(ledger.request(aRequest("a").division("development").build(), SECURITY, T0))
                .singleElement().isInstanceOf(LedgerEvent.Granted.class);
        assertThat(ledger.request(aRequest("b").build(), SECURITY, T0))
                .singleElement().isInstanceOf(LedgerEvent.Granted.class);
    }

    @Test
    void shouldLeaveGrantedAndQueuedAllocationsOfABlockedDivisionAlone() {
        ClusterLedger ledger = referenceCluster();
        ledger.request(aRequest("held").workers(10).division("security").build(), T0);
        ledger.request(aRequest("waiting").workers(2).division("security").queueIfShort().build(), T0);

        ledger.request(aRequest("new").division("security").build(), SECURITY, T0);
        List<LedgerEvent> released = ledger.release("held", T0.plusSeconds(60));

        assertThat(released).extracting(event -> event.getClass().getSimpleName() + " " + event.allocation().id())
                .contains("Released held", "Granted waiting");
    }

    @Test
    void shouldGrantTheDivisionAgainOnceNothingBlocksIt() {
        ClusterLedger ledger = referenceCluster();
        ledger.request(aRequest("a").division("security").build(), SECURITY, T0);

        assertThat(ledger.request(aRequest("b").division("security").build(), BlockedDivisions.NONE, T0))
                .singleElement().isInstanceOf(LedgerEvent.Granted.class);
    }
}
