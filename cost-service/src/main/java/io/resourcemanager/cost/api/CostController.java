package io.resourcemanager.cost.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.resourcemanager.cost.config.CostProperties;
import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.Dimension;
import io.resourcemanager.cost.domain.Rollup;
import io.resourcemanager.cost.topology.CostQueries;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cost tables over REST: {@code GET /costs?group_by=&period=&from=&to=} lists the rollups of one dimension
 * type; {@code GET /costs/report} is the chargeback/showback report — what each division used at internal
 * (showback) and external (chargeback) rates, and what each pool's nodes cost, allocated and idle.
 */
@Controller("/costs")
final class CostController {

    private final CostQueries queries;
    private final CostProperties limits;
    private final Clock clock;

    CostController(CostQueries queries, CostProperties limits, Clock clock) {
        this.queries = queries;
        this.limits = limits;
        this.clock = clock;
    }

    @Get
    Map<String, Object> costs(@Nullable @QueryValue("group_by") String groupBy, @Nullable @QueryValue String period,
                              @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        String type = groupBy == null ? Dimension.DIVISION : groupBy.strip();
        if (!Dimension.TYPES.contains(type)) {
            throw new BadQueryException("group_by", "group_by must be one of " + Dimension.TYPES + ", was " + groupBy);
        }
        QuerySpan span = QuerySpan.parse(period, from, to, limits, clock.instant());
        List<Rollup> rollups = queries.rollups(type, span.window(), span.from(), span.to());
        Map<String, Object> body = header(span);
        body.put("group_by", type);
        body.put("rows", rollups.stream().map(CostViews::rollup).toList());
        body.put("total", CostViews.cost(rollups.stream().map(Rollup::cost).reduce(Cost.ZERO, Cost::plus)));
        return body;
    }

    @Get("/report")
    Map<String, Object> report(@Nullable @QueryValue String period, @Nullable @QueryValue String from,
                               @Nullable @QueryValue String to) {
        QuerySpan span = QuerySpan.parse(period == null ? "month" : period, from, to, limits, clock.instant());
        Map<String, Cost> divisions = sumByValue(queries.rollups(Dimension.DIVISION, span.window(), span.from(), span.to()));
        Map<String, Cost> pools = sumByValue(queries.rollups(Dimension.POOL, span.window(), span.from(), span.to()));
        Map<String, Object> body = header(span);
        body.put("divisions", divisions.entrySet().stream().map(entry -> consumer(entry.getKey(), entry.getValue())).toList());
        body.put("pools", pools.entrySet().stream().map(entry -> infrastructure(entry.getKey(), entry.getValue())).toList());
        Cost used = divisions.values().stream().reduce(Cost.ZERO, Cost::plus);
        Cost nodes = pools.values().stream().reduce(Cost.ZERO, Cost::plus);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("showback_usd", Cost.dollars(used.internalMicros()));
        totals.put("chargeback_usd", Cost.dollars(used.externalMicros()));
        totals.put("tokens", used.tokens());
        totals.put("node_cost_usd", Cost.dollars(nodes.internalMicros()));
        totals.put("idle_usd", Cost.dollars(nodes.idleMicros()));
        body.put("totals", totals);
        return body;
    }

    @Error(exception = BadQueryException.class)
    HttpResponse<?> badQuery(BadQueryException bad) {
        return HttpResponse.badRequest(CostViews.error(bad.getMessage(), bad.field()));
    }

    private static Map<String, Object> consumer(String division, Cost cost) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("division", division);
        view.put("showback_usd", Cost.dollars(cost.internalMicros()));
        view.put("chargeback_usd", Cost.dollars(cost.externalMicros()));
        view.put("tokens", cost.tokens());
        view.put("usage", new TreeMap<>(cost.usage()));
        return view;
    }

    private static Map<String, Object> infrastructure(String pool, Cost cost) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("pool", pool);
        view.put("node_cost_usd", Cost.dollars(cost.internalMicros()));
        view.put("allocated_usd", Cost.dollars(cost.internalMicros() - cost.idleMicros()));
        view.put("idle_usd", Cost.dollars(cost.idleMicros()));
        view.put("node_hours", cost.usage().getOrDefault(Cost.NODE_HOURS, 0d));
        return view;
    }

    private static Map<String, Cost> sumByValue(List<Rollup> rollups) {
        Map<String, Cost> sums = new TreeMap<>();
        rollups.forEach(rollup -> sums.merge(rollup.dimension().value(), rollup.cost(), Cost::plus));
        return sums;
    }

    private static Map<String, Object> header(QuerySpan span) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", span.window().name().toLowerCase(Locale.ROOT));
        body.put("from", span.from().toString());
        body.put("to", span.to().toString());
        return body;
    }
}
