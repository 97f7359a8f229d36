package io.resourcemanager.allocation.topology;

import io.resourcemanager.events.NodeState;
import io.resourcemanager.kafka.EventSerdes;
import io.resourcemanager.kafka.StreamsTopology;
import jakarta.inject.Singleton;
import io.resourcemanager.topics.Topics;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the current state of every worker node from the compacted {@code rm.nodes} topic in a
 * queryable store; capacity is derived from it.
 */
@Singleton
public final class CapacityTopology implements StreamsTopology {

    /** Store of the latest {@link NodeState} per node name. */
    public static final String NODES_STORE = "nodes";

    @Override
    public String name() {
        return "capacity";
    }

    @Override
    public Topology build(StreamsBuilder builder, EventSerdes serdes) {
        builder.table(Topics.NODES.name(),
                Consumed.with(Topics.NODES.keySerde(), serdes.forTopic(Topics.NODES)),
                Materialized.<String, NodeState, KeyValueStore<Bytes, byte[]>>as(NODES_STORE)
                        .withKeySerde(Topics.NODES.keySerde())
                        .withValueSerde(serdes.forTopic(Topics.NODES)));
        return builder.build();
    }
}
