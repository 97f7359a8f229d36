package io.resourcemanager.allocation.topology;

import io.resourcemanager.events.AllocationState;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.kafka.EventSerdes;
import io.resourcemanager.kafka.StreamsTopology;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Read views for the APIs: every allocation (from {@code rm.allocations}) and every node (from
 * {@code rm.nodes}) as global stores, so any instance of the service answers any read locally.
 */
@Singleton
@Named(ViewTopology.NAME)
public final class ViewTopology implements StreamsTopology {

    /** Name of this Streams application. */
    public static final String NAME = "views";
    /** Current state of every allocation, by id. */
    public static final String ALLOCATION_VIEW = "allocation-view";
    /** Current state of every node, by name. */
    public static final String NODE_VIEW = "node-view";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Topology build(StreamsBuilder builder, EventSerdes serdes) {
        builder.globalTable(Topics.ALLOCATIONS.name(),
                Consumed.with(Topics.ALLOCATIONS.keySerde(), serdes.forTopic(Topics.ALLOCATIONS)),
                Materialized.<String, AllocationState, KeyValueStore<Bytes, byte[]>>as(ALLOCATION_VIEW)
                        .withKeySerde(Topics.ALLOCATIONS.keySerde())
                        .withValueSerde(serdes.forTopic(Topics.ALLOCATIONS)));
        builder.globalTable(Topics.NODES.name(),
                Consumed.with(Topics.NODES.keySerde(), serdes.forTopic(Topics.NODES)),
                Materialized.<String, NodeState, KeyValueStore<Bytes, byte[]>>as(NODE_VIEW)
                        .withKeySerde(Topics.NODES.keySerde())
                        .withValueSerde(serdes.forTopic(Topics.NODES)));
        return builder.build();
    }
}
