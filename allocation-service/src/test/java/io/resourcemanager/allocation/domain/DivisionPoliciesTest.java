package io.resourcemanager.allocation.domain;

import static io.resourcemanager.allocation.domain.LedgerFixtures.T0;
import static io.resourcemanager.allocation.domain.LedgerFixtures.aRequest;
import static io.resourcemanager.allocation.domain.LedgerFixtures.node;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DivisionPoliciesTest {

    private static final Quota RESEARCH = new Quota("research", new Resources(4000, 8192, 0), 0, false, 0.4);
    private static final Quota PRODUCTION = new Quota("production", new Resources(8000, 16384, 0), 0, true, 0.5);

    @Test
    void shouldRefuseWhatWouldExceedTheDivisionQuota() {
        ClusterLedger ledger = ledgerWith(new DivisionPolicies(Map.of("research", RESEARCH), List.of()));
        ledger.request(aRequest("a").workers(3).division("research").build(), T0);

        LedgerEvent refused = ledger.request(aRequest("b").workers(2).division("research").build(), T0).get(0);

        assertThat(refused).isInstanceOf(LedgerEvent.Rejected.class);
        assertThat(refused.allocation().error()).startsWith("Quota exceeded for division research");
    }

    @Test
    void shouldLetABorrowingDivisionUseQuotaOthersLeaveIdle() {
        ClusterLedger ledger = ledgerWith(new DivisionPolicies(
                Map.of("research", RESEARCH, "production", PRODUCTION), List.of()));

        LedgerEvent borrowed = ledger.request(aRequest("p").workers(11).division("production").build(), T0).get(0);
        LedgerEvent beyondIdle = ledger.request(aRequest("q").workers(2).division("production").build(), T0).get(0);

        assertThat(borrowed).isInstanceOf(LedgerEvent.Granted.class);
        assertThat(beyondIdle).isInstanceOf(LedgerEvent.Rejected.class);
    }

    @Test
    void shouldQueueQuotaBlockedDemandWithoutCountingItForScaleUp() {
        ClusterLedger ledger = ledgerWith(new DivisionPolicies(Map.of("research", RESEARCH), List.of()));
        ledger.request(aRequest("a").workers(4).division("research").build(), T0);

        LedgerEvent queued = ledger.request(aRequest("b").workers(1).division("research").queueIfShort().build(), T0).get(0);

        assertThat(queued).isInstanceOfSatisfying(LedgerEvent.Queued.class, q -> assertThat(q.countsAsDemand()).isFalse());
        assertThat(ledger.release("a", T0.plusSeconds(5))).extracting(e -> e.allocation().id()).contains("b");
    }

    @Test
    void shouldLimitConcurrentAllocationsOfADivision() {
        Quota twoAtOnce = new Quota("ci", new Resources(64000, 131072, 0), 2, false, 1);
        ClusterLedger ledger = ledgerWith(new DivisionPolicies(Map.of("ci", twoAtOnce), List.of()));
        ledger.request(aRequest("a").division("ci").build(), T0);
        ledger.request(aRequest("b").division("ci").build(), T0);

        assertThat(ledger.request(aRequest("c").division("ci").build(), T0).get(0).allocation().error())
                .isEqualTo("Quota exceeded for division ci: at most 2 concurrent allocations");
    }

    @Test
    void shouldKeepReservedCapacityForItsOwnerOnly() {
        Reservation security = new Reservation("security-always", "security", new Resources(8000, 16384, 0), null, null);
        ClusterLedger ledger = ledgerWith(new DivisionPolicies(Map.of(), List.of(security)));

        LedgerEvent other = ledger.request(aRequest("o").workers(9).division("research").build(), T0).get(0);
        LedgerEvent owner = ledger.request(aRequest("s").workers(16).division("security").build(), T0).get(0);

        assertThat(other.allocation().error()).isEqualTo("Insufficient CPU: needed 9.0, available 8.0");
        assertThat(owner).isInstanceOf(LedgerEvent.Granted.class);
    }

    @Test
    void shouldHoldARecurringReservationOnlyInsideItsWindow() {
        Reservation nightly = new Reservation("nightly", "batch", new Resources(16000, 32768, 0),
                LocalTime.of(22, 0), LocalTime.of(6, 0));
        ClusterLedger ledger = ledgerWith(new DivisionPolicies(Map.of(), List.of(nightly)));

        Instant night = Instant.parse("2026-01-01T23:30:00Z");
        Instant noon = Instant.parse("2026-01-01T12:00:00Z");

        assertThat(ledger.request(aRequest("n").workers(1).build(), night).get(0)).isInstanceOf(LedgerEvent.Rejected.class);
        assertThat(ledger.request(aRequest("d").workers(1).build(), noon).get(0)).isInstanceOf(LedgerEvent.Granted.class);
        assertThat(nightly.isActive(Instant.parse("2026-01-02T05:59:59Z"))).isTrue();
        assertThat(nightly.isActive(Instant.parse("2026-01-02T06:00:00Z"))).isFalse();
    }

    @Test
    void shouldServeTheDivisionFurthestBelowItsFairShareFirst() {
        Quota research = new Quota("research", new Resources(16000, 32768, 0), 0, false, 0.4);
        Quota development = new Quota("development", new Resources(16000, 32768, 0), 0, false, 0.1);
        ClusterLedger ledger = ledgerWith(new DivisionPolicies(Map.of("research", research, "development", development),
                List.of()));
        ledger.request(aRequest("blocker").workers(14).build(), T0);
        ledger.request(aRequest("dev-running").workers(2).division("development").build(), T0);
        ledger.request(aRequest("dev-waiting").workers(2).division("development").queueIfShort().build(), T0);
        ledger.request(aRequest("research-waiting").workers(2).division("research").queueIfShort().build(), T0);

        List<LedgerEvent> events = ledger.release("blocker", T0.plusSeconds(1));

        assertThat(events).filteredOn(LedgerEvent.Granted.class::isInstance).extracting(e -> e.allocation().id())
                .first().isEqualTo("research-waiting");
    }

    private static ClusterLedger ledgerWith(DivisionPolicies policies) {
        ClusterLedger ledger = new ClusterLedger(LedgerSettings.defaults().withPolicies(policies));
        ledger.nodeUpdated(node("node-a", "permanent", 8000, 16384), T0);
        ledger.nodeUpdated(node("node-b", "permanent", 8000, 16384), T0);
        return ledger;
    }
}
