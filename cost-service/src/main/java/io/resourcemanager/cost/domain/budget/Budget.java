package io.resourcemanager.cost.domain.budget;

import io.resourcemanager.cost.domain.CalendarWindow;
import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.Dimension;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A spending limit on one dimension: dollars (micro-USD internally) or tokens, per day, per month or over
 * fixed dates. With {@code enforce}, reaching 100% refuses new allocations of its division or scale-up of
 * its pool until the period rolls over.
 *
 * @param limit micro-USD or tokens, per {@code unit}
 * @param window DAY or MONTH for a recurring budget; null for one with fixed dates
 * @param from first instant of a fixed-date budget (null when recurring)
 * @param until end (exclusive) of a fixed-date budget (null when recurring)
 */
public record Budget(String name, Dimension dimension, BudgetUnit unit, long limit, CalendarWindow window,
                     Instant from, Instant until, boolean enforce) {

    public Budget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(unit, "unit");
        if (limit <= 0) {
            throw new IllegalArgumentException("Budget " + name + ": the limit must be positive");
        }
        if (window == null ? from == null || until == null || !from.isBefore(until) : from != null || until != null) {
            throw new IllegalArgumentException(
                    "Budget " + name + ": give either a period (day or month) or dates from before to");
        }
        if (window == CalendarWindow.HOUR) {
            throw new IllegalArgumentException("Budget " + name + ": the period must be day or month");
        }
        if (enforce && !Dimension.DIVISION.equals(dimension.type()) && !Dimension.POOL.equals(dimension.type())) {
            throw new IllegalArgumentException(
                    "Budget " + name + ": only division and pool budgets can be enforced, not " + dimension.type());
        }
    }

    /** The period of this budget that holds {@code time}; empty outside a fixed-date budget's dates. */
    public Optional<Period> periodOf(Instant time) {
        if (window == null) {
            return !time.isBefore(from) && time.isBefore(until) ? Optional.of(new Period(from, until)) : Optional.empty();
        }
        Instant start = window.start(time);
        return Optional.of(new Period(start, window.end(start)));
    }

    /** How much of {@code cost} counts against this budget, in its unit. */
    public long measure(Cost cost) {
        return unit == BudgetUnit.TOKENS ? cost.tokens() : cost.internalMicros();
    }

    /** A budget period: {@code [start, end)}. */
    public record Period(Instant start, Instant end) {
    }
}
