package io.resourcemanager.health.topology;

import io.resourcemanager.kafka.StreamsApp;
import io.resourcemanager.state.NodeRepair;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Read-only access to every node's symptoms and repair episode. */
@Singleton
public final class NodeRepairQuery {

    private final StreamsApp streams;

    NodeRepairQuery(@Named(RepairTopology.NAME) StreamsApp streams) {
        this.streams = streams;
    }

    /** Every node the repair engine knows, by name. */
    public List<NodeRepair> all() {
        List<NodeRepair> nodes = new ArrayList<>();
        try (KeyValueIterator<String, NodeRepair> all = store().all()) {
            all.forEachRemaining(entry -> nodes.add(entry.value));
        }
        nodes.sort(Comparator.comparing(NodeRepair::getNode));
        return nodes;
    }

    /** One node, if the repair engine knows it. */
    public Optional<NodeRepair> find(String node) {
        return Optional.ofNullable(store().get(node));
    }

    private ReadOnlyKeyValueStore<String, NodeRepair> store() {
        return streams.store(RepairTopology.REPAIRS_STORE, QueryableStoreTypes.keyValueStore());
    }
}
