package io.resourcemanager.cost.domain.metering;

import io.resourcemanager.cost.domain.CalendarWindow;
import io.resourcemanager.cost.domain.Charge;
import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.Dimension;
import io.resourcemanager.cost.domain.pricing.PriceBook;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What running nodes and held allocations cost from where they were last charged up to a moment, in
 * charges that never straddle an hour (so every hour, day and month window gets exactly its share).
 * A node's cost is split into the share allocations held and the idle rest.
 */
public final class Accrual {

    private static final double MILLIS_PER_HOUR = 3_600_000d;

    private final PriceBook prices;

    public Accrual(PriceBook prices) {
        this.prices = prices;
    }

    /**
     * The cost of {@code node} up to {@code until}, while allocations held {@code allocatedCpuMillis} of it.
     * A template without a price is charged its node hours at no cost.
     */
    public List<Charge> node(RunningNode node, long allocatedCpuMillis, Instant until) {
        BigDecimal idleShare = node.allocatableCpuMillis() <= 0 ? BigDecimal.ONE
                : BigDecimal.ONE.subtract(BigDecimal.valueOf(Math.min(allocatedCpuMillis, node.allocatableCpuMillis()))
                        .divide(BigDecimal.valueOf(node.allocatableCpuMillis()), MathContext.DECIMAL64));
        List<Dimension> pool = List.of(new Dimension(Dimension.POOL, node.pool()));
        List<Charge> charges = new ArrayList<>();
        Function<Duration, BigDecimal> price = running -> node.template() == null ? BigDecimal.ZERO
                : prices.node(node.template(), node.spot(), running).orElse(BigDecimal.ZERO);
        for (Span span : spans(node.chargedUntil(), until)) {
            long internal = increase(price, node.startedAt(), span);
            long external = increase(price.andThen(prices::externalCompute), node.startedAt(), span);
            long idle = Cost.micros(BigDecimal.valueOf(internal).multiply(idleShare).movePointLeft(6));
            Cost cost = new Cost(internal, external, idle, 0, Map.of(Cost.NODE_HOURS, span.hours()));
            charges.add(new Charge(span.from(), pool, cost));
        }
        return charges;
    }

    /** The cost of {@code allocation} up to {@code until}. */
    public List<Charge> allocation(RunningAllocation allocation, Instant until) {
        List<Charge> charges = new ArrayList<>();
        Function<Duration, BigDecimal> price = held -> prices.compute(allocation.cores(), allocation.memoryGb(),
                allocation.gpus(), held);
        for (Span span : spans(allocation.chargedUntil(), until)) {
            double hours = span.hours();
            Cost cost = new Cost(increase(price, allocation.startedAt(), span),
                    increase(price.andThen(prices::externalCompute), allocation.startedAt(), span), 0, 0,
                    Map.of(Cost.CPU_CORE_HOURS, allocation.cores() * hours,
                            Cost.MEMORY_GB_HOURS, allocation.memoryGb() * hours,
                            Cost.GPU_HOURS, allocation.gpus() * hours));
            charges.add(new Charge(span.from(), allocation.dimensions(), cost));
        }
        return charges;
    }

    /**
     * What {@code span} adds to the cost since {@code started}, in whole millionths: the difference of the
     * rounded totals, so rounding never accumulates however finely the time is cut.
     */
    private static long increase(Function<Duration, BigDecimal> price, Instant started, Span span) {
        Instant origin = started.isAfter(span.from()) ? span.from() : started;
        return Cost.micros(price.apply(Duration.between(origin, span.until())))
                - Cost.micros(price.apply(Duration.between(origin, span.from())));
    }

    /** {@code [from, until)} cut at every hour boundary; nothing when {@code until} is not after {@code from}. */
    static List<Span> spans(Instant from, Instant until) {
        List<Span> spans = new ArrayList<>();
        Instant start = from;
        while (start.isBefore(until)) {
            Instant hourEnd = CalendarWindow.HOUR.end(CalendarWindow.HOUR.start(start));
            Instant end = hourEnd.isBefore(until) ? hourEnd : until;
            spans.add(new Span(start, end));
            start = end;
        }
        return spans;
    }

    /** A stretch of time within one hour. */
    record Span(Instant from, Instant until) {

        Duration length() {
            return Duration.between(from, until);
        }

        double hours() {
            return length().toMillis() / MILLIS_PER_HOUR;
        }
    }
}
