package io.resourcemanager.ttl.topology;

import io.resourcemanager.kafka.StreamsApp;
import io.resourcemanager.state.TrackedDeadline;
import io.resourcemanager.ttl.domain.Countdown;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Read-only access to the countdowns of the local store. */
@Singleton
public final class DeadlineQuery {

    private final StreamsApp streams;

    DeadlineQuery(StreamsApp streams) {
        this.streams = streams;
    }

    /** Every running countdown, soonest deadline first. */
    public List<Countdown> running() {
        List<Countdown> running = new ArrayList<>();
        try (KeyValueIterator<String, TrackedDeadline> all = store().all()) {
            all.forEachRemaining(entry -> {
                Countdown countdown = CountdownRecords.fromStore(entry.value);
                if (countdown.isRunning()) {
                    running.add(countdown);
                }
            });
        }
        running.sort(Comparator.comparing(countdown -> countdown.deadline().at()));
        return running;
    }

    /** The countdown of {@code subjectId}, running or recently finished. */
    public Optional<Countdown> find(String subjectId) {
        return Optional.ofNullable(store().get(subjectId)).map(CountdownRecords::fromStore);
    }

    private ReadOnlyKeyValueStore<String, TrackedDeadline> store() {
        return streams.store(DeadlineTopology.DEADLINES_STORE, QueryableStoreTypes.keyValueStore());
    }
}
