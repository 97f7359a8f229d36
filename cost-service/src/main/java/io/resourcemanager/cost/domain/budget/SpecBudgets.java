package io.resourcemanager.cost.domain.budget;

import io.resourcemanager.cost.domain.CalendarWindow;
import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.Dimension;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The budgets of SPEC §8, none enforced: monthly pool dollars and daily tokens for the organisation and
 * its divisions (what the divisions get leaves a reserve of 2,000 tokens a day).
 */
public final class SpecBudgets {

    private static final Map<String, Integer> POOL_DOLLARS = orderedMap(
            "permanent", 500, "burst", 200, "spot", 100, "gpu", 1000);
    private static final Map<String, Integer> DIVISION_TOKENS = orderedMap(
            "infrastructure", 20_000, "containers", 15_000, "workflows", 12_000, "configuration", 10_000,
            "monitoring", 18_000, "intelligence", 8_000, "security", 25_000, "development", 30_000,
            "ci-cd", 15_000, "inventory", 10_000, "coordinator", 20_000, "meta", 15_000);
    private static final long ORGANISATION_TOKENS = 200_000;

    private SpecBudgets() {
    }

    /** Every SPEC budget, by name. */
    public static Map<String, Budget> all() {
        List<Budget> budgets = new ArrayList<>();
        POOL_DOLLARS.forEach((pool, dollars) -> budgets.add(new Budget("pool-" + pool,
                new Dimension(Dimension.POOL, pool), BudgetUnit.MICRO_USD, Cost.micros(BigDecimal.valueOf(dollars)),
                CalendarWindow.MONTH, null, null, false)));
        budgets.add(new Budget("tokens-organisation", new Dimension(Dimension.ORGANISATION, Dimension.ALL),
                BudgetUnit.TOKENS, ORGANISATION_TOKENS, CalendarWindow.DAY, null, null, false));
        DIVISION_TOKENS.forEach((division, tokens) -> budgets.add(new Budget("tokens-" + division,
                new Dimension(Dimension.DIVISION, division), BudgetUnit.TOKENS, tokens, CalendarWindow.DAY, null, null,
                false)));
        Map<String, Budget> byName = new LinkedHashMap<>();
        budgets.forEach(budget -> byName.put(budget.name(), budget));
        return byName;
    }

    private static Map<String, Integer> orderedMap(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }
}
