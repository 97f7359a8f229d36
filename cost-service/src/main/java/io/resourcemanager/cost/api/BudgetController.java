package io.resourcemanager.cost.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.resourcemanager.cost.domain.CalendarWindow;
import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.budget.Budget;
import io.resourcemanager.cost.domain.budget.BudgetStanding;
import io.resourcemanager.cost.domain.budget.BudgetUnit;
import io.resourcemanager.cost.domain.budget.SpendTrend;
import io.resourcemanager.cost.topology.CostQueries;
import io.resourcemanager.cost.topology.CostSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Budgets over REST: {@code GET /budgets} and {@code GET /budgets/{name}} — the current period, spend,
 * remaining, thresholds announced, enforcement, and forecasts for 30, 90 and 365 days from the last 30
 * days of the budget's dimension. Dollar budgets in dollars, token budgets in tokens.
 */
@Controller("/budgets")
final class BudgetController {

    private static final int HISTORY_DAYS = 30;
    private static final int[] FORECAST_DAYS = {30, 90, 365};

    private final CostQueries queries;
    private final CostSettings settings;
    private final Clock clock;

    BudgetController(CostQueries queries, CostSettings settings, Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
    }

    @Get
    List<Map<String, Object>> list() {
        Instant now = clock.instant();
        return settings.budgets().values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .map(budget -> view(budget, now)).toList();
    }

    @Get("/{name}")
    HttpResponse<?> show(@PathVariable String name) {
        Budget budget = settings.budgets().get(name);
        if (budget == null) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(CostViews.error("No budget is named " + name, null));
        }
        return HttpResponse.ok(view(budget, clock.instant()));
    }

    private Map<String, Object> view(Budget budget, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", budget.name());
        view.put("dimension", budget.dimension().toString());
        view.put("unit", budget.unit() == BudgetUnit.TOKENS ? "tokens" : "usd");
        view.put("limit", amount(budget, budget.limit()));
        view.put("enforce", budget.enforce());
        Optional<Budget.Period> period = budget.periodOf(now);
        BudgetStanding standing = period.map(current -> queries.standing(budget, current.start())
                .orElseGet(() -> BudgetStanding.fresh(current))).orElse(null);
        view.put("period_start", period.map(current -> current.start().toString()).orElse(null));
        view.put("period_end", period.map(current -> current.end().toString()).orElse(null));
        long spent = standing == null ? 0 : standing.spent();
        view.put("spent", amount(budget, spent));
        view.put("remaining", amount(budget, Math.max(0, budget.limit() - spent)));
        view.put("percent", BigDecimal.valueOf(spent * 100.0 / budget.limit()).setScale(1, RoundingMode.HALF_UP));
        view.put("thresholds_crossed", standing == null ? List.of() : standing.announced().stream().sorted().toList());
        view.put("enforced", standing != null && standing.enforced());
        List<BigDecimal> daily = dailySeries(budget, now);
        Map<String, Object> forecast = new LinkedHashMap<>();
        for (int days : FORECAST_DAYS) {
            forecast.put(days + "_days", SpendTrend.forecast(daily, days));
        }
        view.put("forecast", forecast);
        return view;
    }

    /** What the budget's dimension spent on each of the last 30 whole days, in the budget's unit. */
    private List<BigDecimal> dailySeries(Budget budget, Instant now) {
        Instant today = CalendarWindow.DAY.start(now);
        List<BigDecimal> series = new ArrayList<>();
        for (int back = HISTORY_DAYS; back >= 1; back--) {
            Cost day = queries.rollup(budget.dimension(), CalendarWindow.DAY, today.minus(back, ChronoUnit.DAYS));
            series.add(amount(budget, budget.measure(day)));
        }
        return series;
    }

    private static BigDecimal amount(Budget budget, long value) {
        return budget.unit() == BudgetUnit.TOKENS ? BigDecimal.valueOf(value) : Cost.dollars(value);
    }
}
