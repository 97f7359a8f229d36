package io.resourcemanager.cost.domain.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resourcemanager.cost.domain.CalendarWindow;
import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.Dimension;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetStandingTest {

    private static final Dimension SECURITY = new Dimension(Dimension.DIVISION, "security");
    private static final Instant NOON = Instant.parse("2026-06-01T12:00:00Z");
    private static final Budget TOKENS = new Budget("tokens-security", SECURITY, BudgetUnit.TOKENS, 1_000,
            CalendarWindow.DAY, null, null, true);

    @Test
    void shouldAnnounceThresholdsOnceAndEnforceOnceAtTheLimit() {
        BudgetStanding standing = BudgetStanding.fresh(TOKENS.periodOf(NOON).orElseThrow());

        BudgetStanding.Step half = standing.spend(TOKENS, 500, Thresholds.DEFAULTS, NOON);
        BudgetStanding.Step full = half.standing().spend(TOKENS, 600, Thresholds.DEFAULTS, NOON);
        BudgetStanding.Step more = full.standing().spend(TOKENS, 1, Thresholds.DEFAULTS, NOON);

        assertThat(half.crossed()).containsExactly(50);
        assertThat(half.enforceNow()).isFalse();
        assertThat(full.crossed()).containsExactly(75, 90, 100);
        assertThat(full.enforceNow()).isTrue();
        assertThat(more.crossed()).isEmpty();
        assertThat(more.enforceNow()).as("already enforced").isFalse();
        assertThat(more.standing().spent()).isEqualTo(1_101);
        assertThat(more.standing().lifted().enforced()).isFalse();
    }

    @Test
    void shouldNotEnforceForUsageArrivingAfterItsPeriodEnded() {
        BudgetStanding standing = BudgetStanding.fresh(TOKENS.periodOf(NOON).orElseThrow());

        BudgetStanding.Step late = standing.spend(TOKENS, 1_000, Thresholds.DEFAULTS, Instant.parse("2026-06-02T00:00:00Z"));

        assertThat(late.crossed()).containsExactly(50, 75, 90, 100);
        assertThat(late.enforceNow()).isFalse();
        assertThat(late.standing().enforced()).isFalse();
    }

    @Test
    void shouldGiveCalendarAndFixedPeriods() {
        Budget monthly = new Budget("pool-burst", new Dimension(Dimension.POOL, "burst"), BudgetUnit.MICRO_USD, 1,
                CalendarWindow.MONTH, null, null, false);
        Instant from = Instant.parse("2026-06-10T00:00:00Z");
        Instant until = Instant.parse("2026-06-20T00:00:00Z");
        Budget dated = new Budget("project-apollo", new Dimension(Dimension.PROJECT, "apollo"), BudgetUnit.MICRO_USD, 1,
                null, from, until, false);

        assertThat(monthly.periodOf(Instant.parse("2026-02-14T08:00:00Z"))).contains(
                new Budget.Period(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z")));
        assertThat(dated.periodOf(from)).contains(new Budget.Period(from, until));
        assertThat(dated.periodOf(until)).isEmpty();
        assertThat(dated.periodOf(from.minusMillis(1))).isEmpty();
        assertThat(TOKENS.measure(new Cost(5, 6, 0, 7, Map.of()))).isEqualTo(7);
        assertThat(monthly.measure(new Cost(5, 6, 0, 7, Map.of()))).isEqualTo(5);
    }

    @Test
    void shouldRefuseBudgetsThatMakeNoSense() {
        assertThatThrownBy(() -> new Budget("b", SECURITY, BudgetUnit.TOKENS, 0, CalendarWindow.DAY, null, null, false))
                .hasMessageContaining("limit must be positive");
        assertThatThrownBy(() -> new Budget("b", new Dimension(Dimension.PROJECT, "p"), BudgetUnit.TOKENS, 1,
                CalendarWindow.DAY, null, null, true)).hasMessageContaining("only division and pool budgets can be enforced");
        assertThatThrownBy(() -> new Budget("b", SECURITY, BudgetUnit.TOKENS, 1, null,
                Instant.parse("2026-06-20T00:00:00Z"), Instant.parse("2026-06-10T00:00:00Z"), false))
                .hasMessageContaining("from before to");
    }

    @Test
    void shouldSplitTheOrganisationsTokensAcrossDivisionsLeavingTheReserve() {
        Map<String, Budget> spec = SpecBudgets.all();
        long divisions = spec.values().stream().filter(budget -> budget.dimension().type().equals(Dimension.DIVISION))
                .mapToLong(Budget::limit).sum();

        assertThat(spec.get("tokens-organisation").limit() - divisions).isEqualTo(2_000);
        assertThat(spec.get("pool-gpu").limit()).isEqualTo(1_000_000_000L);
        assertThat(spec.values()).noneMatch(Budget::enforce);
    }
}
