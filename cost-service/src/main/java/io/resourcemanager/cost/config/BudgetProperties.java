package io.resourcemanager.cost.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.resourcemanager.cost.domain.CalendarWindow;
import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.Dimension;
import io.resourcemanager.cost.domain.budget.Budget;
import io.resourcemanager.cost.domain.budget.BudgetUnit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * A budget, {@code rm.cost.budgets.<name>.*}: adds one or overrides the SPEC budget of that name (for
 * example {@code pool-burst} or {@code tokens-security}); {@code enabled: false} removes it.
 *
 * @param dimension what it limits, {@code type=value} (for example {@code division=security})
 * @param usd dollar limit (give this or {@code tokens})
 * @param tokens token limit
 * @param period {@code day} or {@code month}; or give {@code from} and {@code to} dates instead
 * @param from first day of a fixed-date budget (UTC)
 * @param to last day of a fixed-date budget, included
 * @param enforce at 100%, refuse new allocations of the division or scale-up of the pool until the period ends
 */
@EachProperty("rm.cost.budgets")
public record BudgetProperties(@Parameter String name,
                               @Nullable String dimension,
                               @Nullable BigDecimal usd,
                               @Nullable Long tokens,
                               @Nullable String period,
                               @Nullable LocalDate from,
                               @Nullable LocalDate to,
                               @Bindable(defaultValue = "false") boolean enforce,
                               @Bindable(defaultValue = "true") boolean enabled) {

    /** The budget these settings describe, over {@code base} (the SPEC budget of the same name, or null). */
    Budget toBudget(Budget base) {
        String where = "rm.cost.budgets." + name;
        if (dimension == null && base == null) {
            throw new IllegalArgumentException(where + ".dimension is required, for example division=security");
        }
        if (usd != null && tokens != null) {
            throw new IllegalArgumentException(where + ": give usd or tokens, not both");
        }
        if (usd == null && tokens == null && base == null) {
            throw new IllegalArgumentException(where + ".usd or " + where + ".tokens is required");
        }
        Dimension limited = dimension == null ? base.dimension() : Dimension.parse(dimension);
        BudgetUnit unit = usd != null ? BudgetUnit.MICRO_USD : tokens != null ? BudgetUnit.TOKENS : base.unit();
        long limit = usd != null ? Cost.micros(usd) : tokens != null ? tokens : base.limit();
        boolean dated = from != null || to != null;
        CalendarWindow window = dated ? null : period != null ? window(where, period) : base == null ? null : base.window();
        if (!dated && window == null) {
            throw new IllegalArgumentException(where + ".period (day or month) or from/to dates are required");
        }
        return new Budget(name, limited, unit, limit, window,
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), enforce);
    }

    private static CalendarWindow window(String where, String period) {
        switch (period.strip().toLowerCase(Locale.ROOT)) {
            case "day":
                return CalendarWindow.DAY;
            case "month":
                return CalendarWindow.MONTH;
            default:
                throw new IllegalArgumentException(where + ".period must be day or month, was " + period);
        }
    }
}
