package io.resourcemanager.cost.domain.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a budget stands within one period: what was spent, which thresholds were announced, whether it
 * is enforced. Kept durably, so announcements happen once per period even across restarts.
 */
public record BudgetStanding(Budget.Period period, long spent, Set<Integer> announced, boolean enforced) {

    public BudgetStanding {
        announced = Set.copyOf(announced);
    }

    public static BudgetStanding fresh(Budget.Period period) {
        return new BudgetStanding(period, 0, Set.of(), false);
    }

    /**
     * Adds {@code amount} spent: the thresholds it newly crosses (each once per period) and whether the
     * budget becomes enforced now (it enforces, reached 100%, was not enforced yet and its period is not over
     * at {@code now} — usage arriving late for an ended period enforces nothing).
     */
    public Step spend(Budget budget, long amount, Thresholds thresholds, Instant now) {
        long total = Math.addExact(spent, amount);
        List<Integer> crossed = thresholds.newlyCrossed(BigDecimal.valueOf(total),
                BigDecimal.valueOf(budget.limit()), announced);
        Set<Integer> nowAnnounced = new TreeSet<>(announced);
        nowAnnounced.addAll(crossed);
        boolean enforceNow = budget.enforce() && !enforced && total >= budget.limit() && !isOver(now);
        return new Step(new BudgetStanding(period, total, nowAnnounced, enforced || enforceNow), crossed, enforceNow);
    }

    /** The same standing, no longer enforced (the period is over). */
    public BudgetStanding lifted() {
        return new BudgetStanding(period, spent, announced, false);
    }

    /** Whether the period is over at {@code now}. */
    public boolean isOver(Instant now) {
        return !now.isBefore(period.end());
    }

    /**
     * The result of spending.
     *
     * @param crossed thresholds to announce, lowest first
     * @param enforceNow whether to publish the enforcement
     */
    public record Step(BudgetStanding standing, List<Integer> crossed, boolean enforceNow) {
    }
}
