package io.resourcemanager.ttl.topology;

import io.resourcemanager.kafka.StreamsApp;
import io.resourcemanager.state.TrackedDeadline;
import io.resourcemanager.ttl.domain.Deadline;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Read-only access to the deadlines of the local store. */
@Singleton
public final class DeadlineQuery {

    private final StreamsApp streams;

    DeadlineQuery(StreamsApp streams) {
        this.streams = streams;
    }

    /** Every tracked deadline, soonest first. */
    public List<Deadline> all() {
        ReadOnlyKeyValueStore<String, TrackedDeadline> store =
                streams.store(DeadlineTopology.DEADLINES_STORE, QueryableStoreTypes.keyValueStore());
        List<Deadline> deadlines = new ArrayList<>();
        try (KeyValueIterator<String, TrackedDeadline> all = store.all()) {
            all.forEachRemaining(entry -> deadlines.add(DeadlineEvents.fromStoreValue(entry.value)));
        }
        deadlines.sort(Comparator.comparing(Deadline::deadline));
        return deadlines;
    }
}
