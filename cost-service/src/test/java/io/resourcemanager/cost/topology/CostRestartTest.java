package io.resourcemanager.cost.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.cost.domain.CalendarWindow;
import io.resourcemanager.cost.domain.Dimension;
import io.resourcemanager.cost.domain.budget.Budget;
import io.resourcemanager.cost.domain.budget.BudgetUnit;
import io.resourcemanager.events.BudgetThresholdCrossed;
import io.resourcemanager.kafka.testing.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A restart restores every store from its changelog: meters, rollups and announcements carry on, nothing twice. */
class CostRestartTest {

    private static final Instant T0 = Events.T0;
    private static final Budget SECURITY_TOKENS = new Budget("tokens-security", new Dimension(Dimension.DIVISION, "security"),
            BudgetUnit.TOKENS, 25_000, CalendarWindow.DAY, null, null, true);

    @Test
    void shouldCarryOnAfterARestartWithoutChargingOrAnnouncingTwice() {
        CostSettings settings = BudgetTopologyTest.settings(SECURITY_TOKENS);
        Map<String, Map<String, ?>> changelogs;
        try (CostDriver before = new CostDriver(T0, settings)) {
            before.joined("burst-1", "burst", "medium");
            before.tokens("security", "claude-haiku", 13_000, 0);
            before.advance(Duration.ofHours(2));
            assertThat(before.alerts()).hasSize(1);
            before.tokens("security", "claude-haiku", 12_000, 0);
            before.advance(Duration.ofSeconds(1));
            assertThat(before.enforcements()).hasSize(1);
            changelogs = before.changelogs();
        }

        Instant restartedAt = T0.plus(Duration.ofHours(2)).plusSeconds(1);
        try (CostDriver after = new CostDriver(restartedAt, settings)) {
            after.restore(changelogs);
            after.joined("burst-1", "burst", "medium");
            after.tokens("security", "claude-haiku", 1_000, 0);

            after.advanceTo(T0.plus(Duration.ofHours(3)));

            assertThat(after.rollup("pool=burst", "DAY", T0).getCostMicroUsd())
                    .as("three hours of a medium node: the replayed join starts nothing new").isEqualTo(720_000);
            assertThat(after.rollup("pool=burst", "HOUR", T0.plus(Duration.ofHours(2))).getCostMicroUsd()).isEqualTo(240_000);
            assertThat(after.rollup("division=security", "DAY", T0).getTokens()).isEqualTo(26_000);
            List<Object> alerts = after.alerts();
            assertThat(alerts).filteredOn(BudgetThresholdCrossed.class::isInstance).as("announced before the restart")
                    .isEmpty();
            assertThat(after.enforcements()).as("enforced before the restart").isEmpty();

            after.advanceTo(T0.plus(Duration.ofDays(1)));
            assertThat(after.enforcements()).as("lifted by the restarted instance").singleElement()
                    .satisfies(lifted -> assertThat(lifted.value()).isNull());
        }
    }
}
