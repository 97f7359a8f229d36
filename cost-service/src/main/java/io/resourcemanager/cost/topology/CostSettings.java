package io.resourcemanager.cost.topology;

import io.resourcemanager.cost.domain.Dimension;
import io.resourcemanager.cost.domain.budget.Budget;
import io.resourcemanager.cost.domain.budget.SpecBudgets;
import io.resourcemanager.cost.domain.budget.Thresholds;
import io.resourcemanager.cost.domain.pricing.PriceBook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the cost topology needs to know: prices, which pools are spot, budgets and their thresholds,
 * which dimensions are watched for anomalies, and how often it accrues, flushes and checks for rollover.
 *
 * @param fallbackTemplate the template that prices nodes whose events name none (workers adopted as they were)
 * @param accrualInterval how often running nodes and allocations are charged (wall-clock)
 * @param flushInterval how often buffered usage is added to the rollups
 * @param rolloverCheck how often ended budget periods are looked for (to lift enforcements)
 * @param hourlyRetention how long hourly rollups are kept (days and months are kept)
 */
public record CostSettings(PriceBook prices, Set<String> spotPools, Map<String, Budget> budgets, Thresholds thresholds,
                           Set<String> anomalyDimensions, String fallbackTemplate, Duration accrualInterval, Duration flushInterval,
                           Duration rolloverCheck, Duration hourlyRetention) {

    public CostSettings {
        spotPools = Set.copyOf(spotPools);
        budgets = Map.copyOf(budgets);
        anomalyDimensions = Set.copyOf(anomalyDimensions);
        for (String type : anomalyDimensions) {
            if (!Dimension.TYPES.contains(type)) {
                throw new IllegalArgumentException("Unknown dimension type for anomalies: " + type);
            }
        }
    }

    /** SPEC §8 prices and budgets, accrual every minute. */
    public static CostSettings defaults() {
        return new CostSettings(PriceBook.spec(), Set.of("spot"), SpecBudgets.all(), Thresholds.DEFAULTS,
                Set.of(Dimension.POOL, Dimension.DIVISION, Dimension.PROJECT, Dimension.MODEL, Dimension.ORGANISATION),
                "medium", Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofDays(35));
    }

    /** The budgets on {@code dimension}. */
    public List<Budget> budgetsOn(Dimension dimension) {
        return budgets.values().stream().filter(budget -> budget.dimension().equals(dimension)).toList();
    }
}
