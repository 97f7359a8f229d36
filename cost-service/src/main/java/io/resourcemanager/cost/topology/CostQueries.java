package io.resourcemanager.cost.topology;

import io.resourcemanager.cost.domain.CalendarWindow;
import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.Dimension;
import io.resourcemanager.cost.domain.Rollup;
import io.resourcemanager.cost.domain.budget.Budget;
import io.resourcemanager.cost.domain.budget.BudgetStanding;
import io.resourcemanager.kafka.StreamsApp;
import io.resourcemanager.state.BudgetProgress;
import io.resourcemanager.state.CostAmounts;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Read-only access to the cost tables and budget standings of the local stores. */
@Singleton
public final class CostQueries {

    private final StreamsApp streams;

    CostQueries(@Named(CostTopology.NAME) StreamsApp streams) {
        this.streams = streams;
    }

    /** Every rollup of dimension {@code type} in {@code window}s starting within {@code [from, until)}. */
    public List<Rollup> rollups(String type, CalendarWindow window, Instant from, Instant until) {
        List<Rollup> rollups = new ArrayList<>();
        try (KeyValueIterator<String, CostAmounts> range = rollupStore().range(
                RollupKey.first(window, type, from), RollupKey.last(window, type, until))) {
            range.forEachRemaining(entry -> {
                RollupKey key = RollupKey.parse(entry.key);
                rollups.add(new Rollup(key.dimension(), window, key.start(), CostRecords.fromAvro(entry.value)));
            });
        }
        return rollups;
    }

    /** The cost of {@code dimension} in the {@code window} starting at {@code start} (zero when nothing was spent). */
    public Cost rollup(Dimension dimension, CalendarWindow window, Instant start) {
        return CostRecords.fromAvro(rollupStore().get(new RollupKey(window, dimension, start).storeKey()));
    }

    /** Where {@code budget} stands in the period starting at {@code periodStart}; empty before any spend. */
    public Optional<BudgetStanding> standing(Budget budget, Instant periodStart) {
        ReadOnlyKeyValueStore<String, BudgetProgress> store =
                streams.store(CostTopology.BUDGETS_STORE, QueryableStoreTypes.keyValueStore());
        return Optional.ofNullable(store.get(BudgetRecords.key(budget.name(), periodStart))).map(BudgetRecords::fromAvro);
    }

    private ReadOnlyKeyValueStore<String, CostAmounts> rollupStore() {
        return streams.store(CostTopology.ROLLUPS_STORE, QueryableStoreTypes.keyValueStore());
    }
}
