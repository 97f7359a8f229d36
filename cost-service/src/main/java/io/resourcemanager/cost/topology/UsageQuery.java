package io.resourcemanager.cost.topology;

import io.resourcemanager.cost.domain.UsageKey;
import io.resourcemanager.kafka.StreamsApp;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Read-only access to the usage totals of the local store. */
@Singleton
public final class UsageQuery {

    private final StreamsApp streams;

    UsageQuery(StreamsApp streams) {
        this.streams = streams;
    }

    /** Every running total, ordered by dimension and kind. */
    public Map<UsageKey, Double> totals() {
        ReadOnlyKeyValueStore<String, Double> store =
                streams.store(UsageTotalsTopology.USAGE_TOTALS_STORE, QueryableStoreTypes.keyValueStore());
        Map<UsageKey, Double> totals = new LinkedHashMap<>();
        try (KeyValueIterator<String, Double> all = store.all()) {
            all.forEachRemaining(entry -> totals.put(UsageKey.parse(entry.key), entry.value));
        }
        return totals;
    }
}
