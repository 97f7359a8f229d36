package io.resourcemanager.allocation.domain;

import static io.resourcemanager.allocation.domain.LedgerFixtures.T0;
import static io.resourcemanager.allocation.domain.LedgerFixtures.aRequest;
import static io.resourcemanager.allocation.domain.LedgerFixtures.referenceCluster;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadlineExtensionTest {

    private static final Instant ORIGINAL_DEADLINE = T0.plusSeconds(3600);
    private static final Instant NEW_DEADLINE = T0.plusSeconds(7200);

    private ClusterLedger ledger;

    @BeforeEach
    void grantOneAllocationOfAnHour() {
        ledger = referenceCluster();
        ledger.request(aRequest("a").workers(2).ttlSeconds(3600).build(), T0);
    }

    @Test
    void shouldExtendAnActiveAllocationToTheNewDeadline() {
        DeadlineExtension decision = ledger.extendDeadline("a", NEW_DEADLINE);

        assertThat(decision).isInstanceOfSatisfying(DeadlineExtension.Extended.class, extended -> {
            assertThat(extended.event().previousDeadline()).isEqualTo(ORIGINAL_DEADLINE);
            assertThat(extended.event().allocation().request().ttlSeconds()).isEqualTo(7200);
            assertThat(extended.event().allocation().placements()).hasSize(2);
        });
        Allocation live = ledger.live("a").orElseThrow();
        assertThat(live.deadline()).isEqualTo(NEW_DEADLINE);
        assertThat(live.isExpired(ORIGINAL_DEADLINE)).isFalse();
        assertThat(live.isExpired(NEW_DEADLINE)).isTrue();
        assertThat(ledger.capacity().allocatedWorkers()).as("holds what it held").isEqualTo(2);
    }

    @Test
    void shouldRoundTheNewTtlUpToWholeSeconds() {
        ledger.extendDeadline("a", ORIGINAL_DEADLINE.plusMillis(1));

        assertThat(ledger.live("a").orElseThrow().request().ttlSeconds()).isEqualTo(3601);
    }

    @Test
    void shouldExpireAtTheExtendedDeadlineOnly() {
        ledger.extendDeadline("a", NEW_DEADLINE);

        assertThat(ledger.expire("a", ORIGINAL_DEADLINE)).as("at the original deadline").isEmpty();
        assertThat(ledger.expire("a", NEW_DEADLINE)).singleElement().isInstanceOf(LedgerEvent.Expired.class);
    }

    @Test
    void shouldNotMoveTheDeadlineEarlierOrToTheSameInstant() {
        assertUnchanged(ledger.extendDeadline("a", ORIGINAL_DEADLINE.minusSeconds(600)), "not later");
        assertUnchanged(ledger.extendDeadline("a", ORIGINAL_DEADLINE), "not later");

        assertThat(ledger.live("a").orElseThrow().request().ttlSeconds()).isEqualTo(3600);
    }

    @Test
    void shouldChangeNothingWhenTheSameExtensionIsAppliedAgain() {
        ledger.extendDeadline("a", NEW_DEADLINE);

        assertUnchanged(ledger.extendDeadline("a", NEW_DEADLINE), "not later");
        assertThat(ledger.live("a").orElseThrow().request().ttlSeconds()).isEqualTo(7200);
    }

    @Test
    void shouldNotExtendAReleasedAllocation() {
        ledger.release("a", T0.plusSeconds(60));

        assertUnchanged(ledger.extendDeadline("a", NEW_DEADLINE), "not live");
        assertThat(ledger.live("a")).isEmpty();
    }

    @Test
    void shouldNotExtendAnExpiredAllocation() {
        ledger.expire("a", ORIGINAL_DEADLINE);

        assertUnchanged(ledger.extendDeadline("a", NEW_DEADLINE), "not live");
        assertThat(ledger.live("a")).isEmpty();
    }

    @Test
    void shouldNotExtendAQueuedAllocation() {
        ledger.request(aRequest("b").workers(10).queueIfShort().build(), T0);

        assertUnchanged(ledger.extendDeadline("b", NEW_DEADLINE), "queued, not active");
        Allocation waiting = ledger.live("b").orElseThrow();
        assertThat(waiting.status()).isEqualTo(AllocationStatus.QUEUED);
        assertThat(waiting.request().ttlSeconds()).isEqualTo(3600);
    }

    @Test
    void shouldNotExtendAnUnknownAllocation() {
        assertUnchanged(ledger.extendDeadline("nobody", NEW_DEADLINE), "not live");
        assertThat(ledger.live("nobody")).isEmpty();
    }

    private static void assertUnchanged(DeadlineExtension decision, String why) {
        assertThat(decision).isInstanceOfSatisfying(DeadlineExtension.Unchanged.class, unchanged ->
                assertThat(unchanged.reason()).contains(why));
    }
}
