package io.resourcemanager.cost.topology;

import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.Dimension;
import io.resourcemanager.cost.domain.budget.Budget;
import io.resourcemanager.cost.domain.budget.BudgetStanding;
import io.resourcemanager.cost.domain.budget.BudgetUnit;
import io.resourcemanager.events.BudgetEnforcement;
import io.resourcemanager.events.BudgetThresholdCrossed;
import io.resourcemanager.events.CostAlertEnvelope;
import io.resourcemanager.events.CostAnomalyDetected;
import io.resourcemanager.state.BudgetProgress;
import io.resourcemanager.topics.EventHeaders;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;

/** Budget standings as stored, and the alerts and enforcements they lead to. */
final class BudgetRecords {

    static final String PRODUCER = "cost-service";

    private BudgetRecords() {
    }

    /** Store key of a budget's standing in the period starting at {@code periodStart}. */
    static String key(String budget, Instant periodStart) {
        return budget + "|" + RollupKey.millis(periodStart);
    }

    static BudgetProgress toAvro(String budget, BudgetStanding standing) {
        return new BudgetProgress(budget, standing.period().start(), standing.period().end(), standing.spent(),
                new ArrayList<>(standing.announced()), standing.enforced());
    }

    static BudgetStanding fromAvro(BudgetProgress progress) {
        return new BudgetStanding(new Budget.Period(progress.getPeriodStart(), progress.getPeriodEnd()),
                progress.getSpent(), new HashSet<>(progress.getAnnounced()), progress.getEnforced());
    }

    static CostAlertEnvelope thresholdCrossed(Budget budget, BudgetStanding standing, int percent, Clock clock) {
        return new CostAlertEnvelope(EventHeaders.first(PRODUCER, clock), BudgetThresholdCrossed.newBuilder()
                .setBudget(budget.name()).setPeriodStart(standing.period().start()).setThresholdPercent(percent)
                .setSpent(standing.spent()).setLimit(budget.limit())
                .setUnit(budget.unit() == BudgetUnit.TOKENS ? io.resourcemanager.events.BudgetUnit.TOKENS
                        : io.resourcemanager.events.BudgetUnit.MICRO_USD)
                .build());
    }

    static CostAlertEnvelope anomaly(Dimension dimension, Instant day, long spent, long baseline, Clock clock) {
        return new CostAlertEnvelope(EventHeaders.first(PRODUCER, clock), CostAnomalyDetected.newBuilder()
                .setDimension(dimension.toString()).setWindowStart(day).setSpentMicroUsd(spent)
                .setBaselineMicroUsd(baseline).setFactor(baseline == 0 ? 0 : (double) spent / baseline).build());
    }

    static BudgetEnforcement enforcement(Budget budget, BudgetStanding standing, Clock clock) {
        boolean division = Dimension.DIVISION.equals(budget.dimension().type());
        String refused = division ? "new allocations of division " + budget.dimension().value() + " are"
                : "scale-up of pool " + budget.dimension().value() + " is";
        String spent = budget.unit() == BudgetUnit.TOKENS
                ? standing.spent() + " of " + budget.limit() + " tokens"
                : "$" + Cost.dollars(standing.spent()).toPlainString() + " of $" + Cost.dollars(budget.limit()).toPlainString();
        String reason = "Budget " + budget.name() + " is exhausted: " + spent + " spent in the period from "
                + standing.period().start() + "; " + refused + " refused until " + standing.period().end();
        return BudgetEnforcement.newBuilder().setHeader(EventHeaders.first(PRODUCER, clock)).setBudget(budget.name())
                .setDivision(division ? budget.dimension().value() : null)
                .setPool(division ? null : budget.dimension().value())
                .setPeriodStart(standing.period().start()).setPeriodEnd(standing.period().end()).setReason(reason)
                .build();
    }
}
