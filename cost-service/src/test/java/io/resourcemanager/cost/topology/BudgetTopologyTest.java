package io.resourcemanager.cost.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.cost.domain.CalendarWindow;
import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.Dimension;
import io.resourcemanager.cost.domain.budget.Budget;
import io.resourcemanager.cost.domain.budget.BudgetUnit;
import io.resourcemanager.cost.domain.budget.Thresholds;
import io.resourcemanager.cost.domain.pricing.PriceBook;
import io.resourcemanager.events.BudgetEnforcement;
import io.resourcemanager.events.BudgetThresholdCrossed;
import io.resourcemanager.events.CostAnomalyDetected;
import io.resourcemanager.kafka.testing.Events;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class BudgetTopologyTest {

    private static final Instant T0 = Events.T0;
    private static final Budget SECURITY_TOKENS = new Budget("tokens-security", new Dimension(Dimension.DIVISION, "security"),
            BudgetUnit.TOKENS, 25_000, CalendarWindow.DAY, null, null, true);
    private static final Budget BURST_DOLLARS = new Budget("pool-burst", new Dimension(Dimension.POOL, "burst"),
            BudgetUnit.MICRO_USD, Cost.micros(new BigDecimal("0.48")), CalendarWindow.MONTH, null, null, true);

    static CostSettings settings(Budget... budgets) {
        CostSettings defaults = CostSettings.defaults();
        Map<String, Budget> byName = new HashMap<>();
        for (Budget budget : budgets) {
            byName.put(budget.name(), budget);
        }
        return new CostSettings(PriceBook.spec(), defaults.spotPools(), byName, Thresholds.DEFAULTS,
                defaults.anomalyDimensions(), defaults.fallbackTemplate(), defaults.accrualInterval(), defaults.flushInterval(),
                defaults.rolloverCheck(), defaults.hourlyRetention());
    }

    @Test
    void shouldAnnounceEachThresholdOncePerPeriod() {
        try (CostDriver cost = new CostDriver(T0, settings(SECURITY_TOKENS))) {
            cost.tokens("security", "claude-haiku", 13_000, 0);
            cost.advance(Duration.ofSeconds(1));
            assertThat(crossed(cost.alerts())).containsExactly(50);

            cost.tokens("security", "claude-haiku", 1_000, 0);
            cost.advance(Duration.ofSeconds(1));
            assertThat(cost.alerts()).as("still between 50 and 75").isEmpty();

            cost.tokens("security", "claude-haiku", 10_000, 0);
            cost.advance(Duration.ofSeconds(1));
            assertThat(crossed(cost.alerts())).as("a jump crosses two at once").containsExactly(75, 90);

            cost.tokens("security", "claude-haiku", 1_000, 0);
            cost.advance(Duration.ofSeconds(1));
            List<Object> full = cost.alerts();
            assertThat(crossed(full)).containsExactly(100);
            assertThat(full).singleElement().isInstanceOfSatisfying(BudgetThresholdCrossed.class, alert -> {
                assertThat(alert.getBudget()).isEqualTo("tokens-security");
                assertThat(alert.getSpent()).isEqualTo(25_000);
                assertThat(alert.getLimit()).isEqualTo(25_000);
                assertThat(alert.getPeriodStart()).isEqualTo(T0);
            });

            cost.tokens("security", "claude-haiku", 5_000, 0);
            cost.advance(Duration.ofSeconds(1));
            assertThat(cost.alerts()).as("over the limit: nothing new").isEmpty();

            cost.advanceTo(T0.plus(Duration.ofDays(1)));
            cost.alerts();
            cost.tokens("security", "claude-haiku", 13_000, 0);
            cost.advance(Duration.ofSeconds(1));
            assertThat(crossed(cost.alerts())).as("a new day is a new period").containsExactly(50);
        }
    }

    @Test
    void shouldEnforceADivisionBudgetAtOneHundredPercentAndLiftItWhenTheDayRollsOver() {
        try (CostDriver cost = new CostDriver(T0.plus(Duration.ofHours(20)), settings(SECURITY_TOKENS))) {
            cost.tokens("security", "claude-haiku", 24_999, 0);
            cost.advance(Duration.ofSeconds(1));
            assertThat(cost.enforcements()).isEmpty();

            cost.tokens("security", "claude-haiku", 1, 0);
            cost.advance(Duration.ofSeconds(1));
            List<TestRecord<String, BudgetEnforcement>> enforced = cost.enforcements();
            assertThat(enforced).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("tokens-security");
                assertThat(record.value().getDivision()).isEqualTo("security");
                assertThat(record.value().getPool()).isNull();
                assertThat(record.value().getPeriodEnd()).isEqualTo(T0.plus(Duration.ofDays(1)));
                assertThat(record.value().getReason()).contains("25000 of 25000 tokens")
                        .contains("new allocations of division security are refused until 2026-01-02T00:00:00Z");
            });

            cost.tokens("security", "claude-haiku", 1_000, 0);
            cost.advanceTo(T0.plus(Duration.ofDays(1)).minusSeconds(10));
            assertThat(cost.enforcements()).as("enforced once, not lifted before the day ends").isEmpty();

            cost.advance(Duration.ofSeconds(10));
            assertThat(cost.enforcements()).singleElement().satisfies(lifted -> {
                assertThat(lifted.key()).isEqualTo("tokens-security");
                assertThat(lifted.value()).as("tombstone").isNull();
            });
            cost.advance(Duration.ofMinutes(5));
            assertThat(cost.enforcements()).as("lifted once").isEmpty();
        }
    }

    @Test
    void shouldEnforceAPoolBudgetOnNodeCost() {
        try (CostDriver cost = new CostDriver(T0, settings(BURST_DOLLARS))) {
            cost.joined("burst-1", "burst", "medium");

            cost.advance(Duration.ofMinutes(119));
            assertThat(cost.enforcements()).isEmpty();
            cost.advance(Duration.ofMinutes(1));

            assertThat(cost.enforcements()).singleElement().satisfies(record -> {
                assertThat(record.value().getPool()).isEqualTo("burst");
                assertThat(record.value().getDivision()).isNull();
                assertThat(record.value().getReason()).contains("$0.480000 of $0.480000")
                        .contains("scale-up of pool burst is refused until 2026-02-01T00:00:00Z");
            });
        }
    }

    @Test
    void shouldCountOnlySpendWithinTheDatesOfAProjectBudget() {
        Budget apollo = new Budget("project-apollo", new Dimension(Dimension.PROJECT, "apollo"), BudgetUnit.MICRO_USD,
                Cost.micros(new BigDecimal("0.20")), null, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(3)), false);
        try (CostDriver cost = new CostDriver(T0, settings(apollo))) {
            cost.joined("burst-1", "burst", "medium");
            cost.granted("alloc-1", "burst-1", 2_000, 0, Map.of("division", "security", "project", "apollo"));

            cost.advance(Duration.ofHours(1));
            assertThat(cost.alerts()).as("$0.10 spent before the budget's dates").isEmpty();
            cost.advance(Duration.ofHours(1));
            assertThat(crossed(cost.alerts())).containsExactly(50);
            cost.advance(Duration.ofHours(1));
            assertThat(crossed(cost.alerts())).containsExactly(75, 90, 100);
            cost.advance(Duration.ofHours(5));
            assertThat(cost.alerts()).as("after the budget's dates").isEmpty();
        }
    }

    @Test
    void shouldFlagADayOverThreeTimesItsSevenDayBaselineOnce() {
        Instant day8 = T0.plus(Duration.ofDays(7));
        try (CostDriver cost = new CostDriver(day8, settings())) {
            for (int day = 0; day < 7; day++) {
                Instant used = T0.plus(Duration.ofDays(day)).plus(Duration.ofHours(12));
                cost.usage(cost.tokenUsage("security", "claude-haiku", 1_000_000, 0).setPeriodEnd(used).build());
            }
            cost.tokens("security", "claude-haiku", 3_000_000, 0);
            cost.advance(Duration.ofSeconds(1));
            assertThat(cost.alerts()).as("three times is not over three times").isEmpty();

            cost.tokens("security", "claude-haiku", 1_000, 0);
            cost.advance(Duration.ofSeconds(1));
            List<Object> alerts = cost.alerts();
            assertThat(alerts).filteredOn(CostAnomalyDetected.class::isInstance)
                    .extracting(alert -> ((CostAnomalyDetected) alert).getDimension())
                    .containsExactlyInAnyOrder("division=security", "model=claude-haiku", "organisation=all");
            assertThat(alerts).filteredOn(CostAnomalyDetected.class::isInstance).first()
                    .isInstanceOfSatisfying(CostAnomalyDetected.class, anomaly -> {
                        assertThat(anomaly.getBaselineMicroUsd()).isEqualTo(800_000);
                        assertThat(anomaly.getSpentMicroUsd()).isEqualTo(2_400_800);
                        assertThat(anomaly.getWindowStart()).isEqualTo(day8);
                    });

            cost.tokens("security", "claude-haiku", 1_000_000, 0);
            cost.advance(Duration.ofSeconds(1));
            assertThat(cost.alerts()).as("once per day").isEmpty();
        }
    }

    private static List<Integer> crossed(List<Object> alerts) {
        return alerts.stream().filter(BudgetThresholdCrossed.class::isInstance)
                .map(alert -> ((BudgetThresholdCrossed) alert).getThresholdPercent()).toList();
    }
}
