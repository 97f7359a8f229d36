package io.resourcemanager.allocation.topology;

import io.resourcemanager.allocation.domain.Allocation;
import io.resourcemanager.allocation.domain.AllocationStatus;
import io.resourcemanager.allocation.domain.CapacityReport;
import io.resourcemanager.allocation.domain.ClusterLedger;
import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.events.AllocationState;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.kafka.StreamsApp;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Read-only queries over the global views; every instance answers every read. */
@Singleton
public final class AllocationQueries {

    private final StreamsApp views;
    private final LedgerSettings settings;

    AllocationQueries(@Named(ViewTopology.NAME) StreamsApp views, LedgerSettings settings) {
        this.views = views;
        this.settings = settings;
    }

    /** The allocation with this id. */
    public Optional<Allocation> find(String allocationId) {
        return Optional.ofNullable(allocations().get(allocationId)).map(this::toDomain);
    }

    /** Queue position of a queued allocation, as the ledger last reported it. */
    public Optional<Integer> queuePosition(String allocationId) {
        return Optional.ofNullable(allocations().get(allocationId)).map(AllocationState::getQueuePosition);
    }

    /** Allocations matching {@code filter}, in creation order. */
    public List<Allocation> list(Predicate<Allocation> filter) {
        List<Allocation> matching = new ArrayList<>();
        try (KeyValueIterator<String, AllocationState> all = allocations().all()) {
            all.forEachRemaining(entry -> {
                Allocation allocation = toDomain(entry.value);
                if (filter.test(allocation)) {
                    matching.add(allocation);
                }
            });
        }
        matching.sort(Comparator.comparing((Allocation a) -> a.request().requestedAt()).thenComparing(Allocation::id));
        return matching;
    }

    /** Capacity of {@code cluster}, computed with the ledger's own rules from the views. */
    public CapacityReport capacity(String cluster) {
        ClusterLedger ledger = new ClusterLedger(settings);
        ReadOnlyKeyValueStore<String, NodeState> nodes =
                views.store(ViewTopology.NODE_VIEW, QueryableStoreTypes.keyValueStore());
        try (KeyValueIterator<String, NodeState> all = nodes.all()) {
            all.forEachRemaining(entry -> {
                if (cluster.equals(entry.value.getCluster())) {
                    ledger.restoreNode(NodeStates.toCapacity(entry.value));
                }
            });
        }
        list(a -> a.status() == AllocationStatus.ACTIVE && cluster.equals(a.request().cluster()))
                .forEach(ledger::restoreAllocation);
        return ledger.capacity();
    }

    private ReadOnlyKeyValueStore<String, AllocationState> allocations() {
        return views.store(ViewTopology.ALLOCATION_VIEW, QueryableStoreTypes.keyValueStore());
    }

    private Allocation toDomain(AllocationState state) {
        return AllocationRecords.allocation(state, settings.defaultShape());
    }
}
