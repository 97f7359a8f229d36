package io.resourcemanager.cost.topology;

import io.resourcemanager.cost.domain.CalendarWindow;
import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.Dimension;
import io.resourcemanager.cost.domain.budget.Budget;
import io.resourcemanager.cost.domain.budget.BudgetStanding;
import io.resourcemanager.cost.domain.budget.SpendTrend;
import io.resourcemanager.events.CostRollup;
import io.resourcemanager.events.RollupWindow;
import io.resourcemanager.state.BudgetProgress;
import io.resourcemanager.state.CostAmounts;
import io.resourcemanager.state.HourlyCost;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.topics.Topics;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cost tables. Each hour's cost of a dimension (all of a dimension's costs arrive on one partition) is
 * added to its hour, day and month rollups, which are published on {@code rm.cost.rollups}; then to the
 * budgets on that dimension — thresholds announced once per period, enforcement published at 100% — and the
 * day is compared with its 7-day baseline. A wall-clock check lifts enforcements whose period ended and
 * drops hourly rollups past their retention. Rollups, standings and announcements are all in changelogged
 * stores written in the same transaction as the output, so a restart neither loses nor repeats anything.
 */
final class RollupProcessor implements Processor<String, HourlyCost, String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(RollupProcessor.class);
    private static final int BASELINE_DAYS = 7;

    private final CostSettings settings;
    private final Clock clock;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, CostAmounts> rollups;
    private KeyValueStore<String, BudgetProgress> standings;
    private KeyValueStore<String, Long> anomalies;
    private Instant nextPurge = Instant.EPOCH;

    RollupProcessor(CostSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.rollups = context.getStateStore(CostTopology.ROLLUPS_STORE);
        this.standings = context.getStateStore(CostTopology.BUDGETS_STORE);
        this.anomalies = context.getStateStore(CostTopology.ANOMALIES_STORE);
        context.schedule(settings.rolloverCheck(), PunctuationType.WALL_CLOCK_TIME, this::rollOver);
    }

    @Override
    public void process(Record<String, HourlyCost> record) {
        HourlyCost hourly = record.value();
        if (hourly == null) {
            return;
        }
        Dimension dimension = CostRecords.dimension(hourly);
        Cost cost = CostRecords.fromAvro(hourly.getAmounts());
        for (CalendarWindow window : CalendarWindow.values()) {
            RollupKey key = new RollupKey(window, dimension, window.start(hourly.getHourStart()));
            Cost total = CostRecords.fromAvro(rollups.get(key.storeKey())).plus(cost);
            rollups.put(key.storeKey(), CostRecords.toAvro(total));
            context.forward(record.withKey(key.topicKey()).withValue(rollup(key, total)));
            if (window == CalendarWindow.DAY && settings.anomalyDimensions().contains(dimension.type())) {
                checkAnomaly(key, total, record);
            }
        }
        for (Budget budget : settings.budgetsOn(dimension)) {
            budget.periodOf(hourly.getHourStart()).ifPresent(period -> spend(budget, period, cost, record));
        }
    }

    private void spend(Budget budget, Budget.Period period, Cost cost, Record<String, HourlyCost> record) {
        long amount = budget.measure(cost);
        if (amount == 0) {
            return;
        }
        String key = BudgetRecords.key(budget.name(), period.start());
        BudgetStanding standing = Optional.ofNullable(standings.get(key)).map(BudgetRecords::fromAvro)
                .orElseGet(() -> BudgetStanding.fresh(period));
        BudgetStanding.Step step = standing.spend(budget, amount, settings.thresholds(),
                Instant.ofEpochMilli(context.currentSystemTimeMs()));
        standings.put(key, BudgetRecords.toAvro(budget.name(), step.standing()));
        for (int percent : step.crossed()) {
            LOG.info("Budget {} crossed {}% in the period from {}", budget.name(), percent, period.start());
            context.forward(record.withKey(budget.name())
                    .withValue(BudgetRecords.thresholdCrossed(budget, step.standing(), percent, clock)));
        }
        if (step.enforceNow()) {
            LOG.warn("Budget {} is exhausted: enforced until {}", budget.name(), period.end());
            context.forward(record.withKey(budget.name())
                    .withValue(BudgetRecords.enforcement(budget, step.standing(), clock)));
        }
    }

    private void checkAnomaly(RollupKey day, Cost total, Record<String, HourlyCost> record) {
        String key = day.storeKey();
        if (anomalies.get(key) != null) {
            return;
        }
        // the days since the dimension's first spend: one new within the week has no baseline yet
        List<BigDecimal> previous = new ArrayList<>();
        for (int back = BASELINE_DAYS; back >= 1; back--) {
            RollupKey earlier = new RollupKey(CalendarWindow.DAY, day.dimension(), day.start().minus(Duration.ofDays(back)));
            CostAmounts amounts = rollups.get(earlier.storeKey());
            if (amounts != null || !previous.isEmpty()) {
                previous.add(BigDecimal.valueOf(amounts == null ? 0 : amounts.getInternalMicroUsd()));
            }
        }
        BigDecimal today = BigDecimal.valueOf(total.internalMicros());
        if (SpendTrend.isAnomaly(previous, today)) {
            long baseline = previous.stream().reduce(BigDecimal.ZERO, BigDecimal::add).longValue() / BASELINE_DAYS;
            anomalies.put(key, total.internalMicros());
            LOG.warn("Cost anomaly for {} on {}: {} micro-USD against a baseline of {}", day.dimension(), day.start(),
                    total.internalMicros(), baseline);
            context.forward(record.withKey(day.dimension().toString()).withValue(
                    BudgetRecords.anomaly(day.dimension(), day.start(), total.internalMicros(), baseline, clock)));
        }
    }

    private void rollOver(long nowMillis) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        List<KeyValue<String, BudgetProgress>> ended = new ArrayList<>();
        try (KeyValueIterator<String, BudgetProgress> all = standings.all()) {
            all.forEachRemaining(entry -> {
                if (!now.isBefore(entry.value.getPeriodEnd())) {
                    ended.add(KeyValue.pair(entry.key, entry.value));
                }
            });
        }
        for (KeyValue<String, BudgetProgress> entry : ended) {
            if (entry.value.getEnforced()) {
                LOG.info("Budget {}: its period ended at {}, enforcement lifted", entry.value.getBudget(),
                        entry.value.getPeriodEnd());
                context.forward(new Record<>(entry.value.getBudget(), new Tombstone(Topics.COST_ENFORCEMENTS), nowMillis));
                standings.put(entry.key, BudgetRecords.toAvro(entry.value.getBudget(),
                        BudgetRecords.fromAvro(entry.value).lifted()));
            } else if (now.isAfter(entry.value.getPeriodEnd().plus(settings.hourlyRetention()))) {
                standings.delete(entry.key);
            }
        }
        if (!now.isBefore(nextPurge)) {
            purgeHours(now.minus(settings.hourlyRetention()), nowMillis);
            nextPurge = now.plus(Duration.ofHours(1));
        }
    }

    /** Drops hourly rollups that started before {@code cutoff}, from the store and the compacted topic. */
    private void purgeHours(Instant cutoff, long nowMillis) {
        for (String type : Dimension.TYPES) {
            List<String> old = new ArrayList<>();
            try (KeyValueIterator<String, CostAmounts> range = rollups.range(
                    RollupKey.first(CalendarWindow.HOUR, type, Instant.EPOCH), RollupKey.last(CalendarWindow.HOUR, type, cutoff))) {
                range.forEachRemaining(entry -> old.add(entry.key));
            }
            for (String key : old) {
                rollups.delete(key);
                context.forward(new Record<>(RollupKey.parse(key).topicKey(), new Tombstone(Topics.COST_ROLLUPS), nowMillis));
            }
        }
    }

    private CostRollup rollup(RollupKey key, Cost total) {
        return CostRollup.newBuilder().setHeader(EventHeaders.first(BudgetRecords.PRODUCER, clock))
                .setDimension(key.dimension().toString()).setDimensionType(key.dimension().type())
                .setDimensionValue(key.dimension().value()).setWindow(RollupWindow.valueOf(key.window().name()))
                .setWindowStart(key.start()).setWindowEnd(key.end()).setCostMicroUsd(total.internalMicros())
                .setExternalMicroUsd(total.externalMicros()).setIdleMicroUsd(total.idleMicros())
                .setTokens(total.tokens()).setUsage(new HashMap<>(total.usage())).build();
    }
}
