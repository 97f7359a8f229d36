package io.resourcemanager.allocation.topology;

import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationState;
import io.resourcemanager.events.BudgetEnforcement;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.kafka.EventSerdes;
import io.resourcemanager.kafka.StreamsTopology;
import io.resourcemanager.state.NodeUpdate;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The allocation ledger: requests of {@code rm.allocation.requests} (keyed by cluster) and node changes
 * of {@code rm.nodes} (re-keyed by cluster) meet in one processor per cluster partition, which decides
 * and writes outcomes to {@code rm.allocation.events} and states to {@code rm.allocations}. Expired TTLs
 * and extended deadlines of allocations come back in as requests ({@link TtlRoute}). Enforced budgets of
 * {@code rm.cost.enforcements} are a global store every partition's processor reads: new requests of a
 * division an enforced budget names are refused.
 */
@Singleton
@Named(LedgerTopology.NAME)
public final class LedgerTopology implements StreamsTopology {

    /** Name of this Streams application. */
    public static final String NAME = "ledger";
    /** Every allocation of the partition's clusters, by id. */
    public static final String ALLOCATIONS_STORE = "ledger-allocations";
    /** Every node of the partition's clusters, by node name. */
    public static final String NODES_STORE = "ledger-nodes";
    /** Last known cluster of each node, by node name. */
    public static final String NODE_CLUSTERS_STORE = "node-clusters";
    /** Every enforced budget, by budget name: a global store of {@code rm.cost.enforcements}. */
    public static final String ENFORCEMENTS_STORE = "budget-enforcements";

    private final LedgerSettings settings;
    private final Clock clock;

    public LedgerTopology(LedgerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Topology build(StreamsBuilder builder, EventSerdes serdes) {
        builder.addStateStore(store(NODE_CLUSTERS_STORE, Serdes.String()));
        builder.addStateStore(store(ALLOCATIONS_STORE, serdes.forStore(AllocationState.class)));
        builder.addStateStore(store(NODES_STORE, serdes.forStore(NodeState.class)));

        KStream<String, LedgerInput> requests = builder.stream(Topics.ALLOCATION_REQUESTS.name(),
                        Consumed.with(Topics.ALLOCATION_REQUESTS.keySerde(), serdes.forTopic(Topics.ALLOCATION_REQUESTS)))
                .filter((cluster, envelope) -> envelope != null)
                .mapValues(LedgerInput.Request::new);
        KStream<String, LedgerInput> nodeChanges = builder.stream(Topics.NODES.name(),
                        Consumed.with(Topics.NODES.keySerde(), serdes.forTopic(Topics.NODES)))
                .process(NodeRouter::new, NODE_CLUSTERS_STORE)
                .repartition(Repartitioned.<String, NodeUpdate>as("nodes-by-cluster")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(serdes.forStore(NodeUpdate.class))
                        .withNumberOfPartitions(Topics.ALLOCATION_REQUESTS.partitions()))
                .mapValues(LedgerInput.Node::new);

        KStream<String, SpecificRecord> outcomes = requests.merge(nodeChanges)
                .process(() -> new LedgerProcessor(settings, clock), ALLOCATIONS_STORE, NODES_STORE);
        outcomes.filter((id, value) -> value instanceof AllocationEventEnvelope)
                .mapValues(value -> (AllocationEventEnvelope) value)
                .to(Topics.ALLOCATION_EVENTS.name(),
                        Produced.with(Topics.ALLOCATION_EVENTS.keySerde(), serdes.forTopic(Topics.ALLOCATION_EVENTS)));
        outcomes.filter((id, value) -> value instanceof AllocationState)
                .mapValues(value -> (AllocationState) value)
                .to(Topics.ALLOCATIONS.name(),
                        Produced.with(Topics.ALLOCATIONS.keySerde(), serdes.forTopic(Topics.ALLOCATIONS)));
        TtlRoute.addTo(builder, serdes, clock);
        // Added last, so that the generated names of the nodes above stay as they were.
        builder.globalTable(Topics.COST_ENFORCEMENTS.name(),
                Consumed.with(Topics.COST_ENFORCEMENTS.keySerde(), serdes.forTopic(Topics.COST_ENFORCEMENTS)),
                Materialized.<String, BudgetEnforcement>as(Stores.inMemoryKeyValueStore(ENFORCEMENTS_STORE))
                        .withKeySerde(Topics.COST_ENFORCEMENTS.keySerde())
                        .withValueSerde(serdes.forTopic(Topics.COST_ENFORCEMENTS)));
        return builder.build();
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name,
                                                                   org.apache.kafka.common.serialization.Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }
}
