package io.resourcemanager.allocation.topology;

import io.resourcemanager.allocation.domain.ClusterCapacity;
import io.resourcemanager.allocation.domain.NodeCapacity;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.kafka.StreamsApp;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Read-only access to the capacity the local node store knows. */
@Singleton
public final class CapacityQuery {

    private final StreamsApp streams;

    CapacityQuery(StreamsApp streams) {
        this.streams = streams;
    }

    /** Current capacity; throws {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while restoring. */
    public ClusterCapacity current() {
        ReadOnlyKeyValueStore<String, NodeState> store =
                streams.store(CapacityTopology.NODES_STORE, QueryableStoreTypes.keyValueStore());
        List<NodeCapacity> nodes = new ArrayList<>();
        try (KeyValueIterator<String, NodeState> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, NodeState> entry = all.next();
                nodes.add(NodeStates.toCapacity(entry.value));
            }
        }
        return ClusterCapacity.of(nodes);
    }
}
