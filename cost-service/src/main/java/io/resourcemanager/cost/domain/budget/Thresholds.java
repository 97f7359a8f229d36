package io.resourcemanager.cost.domain.budget;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Budget thresholds in percent of the limit (SPEC §8: 50, 75, 90, 100). A threshold is crossed once per
 * budget period: callers remember the ones already announced and pass them in.
 */
public record Thresholds(List<Integer> percents) {

    /** SPEC §8 defaults. */
    public static final Thresholds DEFAULTS = new Thresholds(List.of(50, 75, 90, 100));

    public Thresholds {
        TreeSet<Integer> sorted = new TreeSet<>(percents);
        if (sorted.isEmpty() || sorted.first() <= 0) {
            throw new IllegalArgumentException("Thresholds must be positive percentages: " + percents);
        }
        percents = List.copyOf(sorted);
    }

    /**
     * The thresholds {@code spend} of {@code limit} has reached that are not in {@code announced}, lowest
     * first: a jump from 40 % to 95 % crosses 50, 75 and 90 at once, each announced once.
     */
    public List<Integer> newlyCrossed(BigDecimal spend, BigDecimal limit, Set<Integer> announced) {
        if (limit.signum() <= 0) {
            throw new IllegalArgumentException("A budget limit must be positive: " + limit);
        }
        BigDecimal percent = spend.multiply(BigDecimal.valueOf(100)).divide(limit, MathContext.DECIMAL64);
        List<Integer> crossed = new ArrayList<>();
        for (int threshold : percents) {
            if (percent.compareTo(BigDecimal.valueOf(threshold)) >= 0 && !announced.contains(threshold)) {
                crossed.add(threshold);
            }
        }
        return crossed;
    }
}
