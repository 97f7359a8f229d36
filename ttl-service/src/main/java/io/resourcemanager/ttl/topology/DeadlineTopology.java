package io.resourcemanager.ttl.topology;

import io.resourcemanager.kafka.EventSerdes;
import io.resourcemanager.kafka.StreamsTopology;
import jakarta.inject.Singleton;
import io.resourcemanager.state.TrackedDeadline;
import io.resourcemanager.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Learns deadlines from granted allocations and temporary workers that joined, and forgets them
 * when the subject is released, expired, preempted or removed. Both source topics are keyed by
 * the subject (allocation id, worker name), so the store is keyed by subject without repartitioning.
 */
@Singleton
public final class DeadlineTopology implements StreamsTopology {

    /** Store of the current deadline per subject id. */
    public static final String DEADLINES_STORE = "deadlines";

    @Override
    public String name() {
        return "deadlines";
    }

    @Override
    public Topology build(StreamsBuilder builder, EventSerdes serdes) {
        KStream<String, TrackedDeadline> fromAllocations = builder.stream(Topics.ALLOCATION_EVENTS.name(),
                        Consumed.with(Topics.ALLOCATION_EVENTS.keySerde(), serdes.forTopic(Topics.ALLOCATION_EVENTS)))
                .flatMapValues(envelope -> DeadlineEvents.fromAllocation(envelope.getPayload()))
                .mapValues(DeadlineEvents::toStoreValue);
        KStream<String, TrackedDeadline> fromWorkers = builder.stream(Topics.PROVISIONING_EVENTS.name(),
                        Consumed.with(Topics.PROVISIONING_EVENTS.keySerde(), serdes.forTopic(Topics.PROVISIONING_EVENTS)))
                .flatMapValues(envelope -> DeadlineEvents.fromProvisioning(envelope.getPayload()))
                .mapValues(DeadlineEvents::toStoreValue);
        fromAllocations.merge(fromWorkers)
                .toTable(Named.as("deadlines-table"),
                        Materialized.<String, TrackedDeadline, KeyValueStore<Bytes, byte[]>>as(DEADLINES_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(serdes.forStore(TrackedDeadline.class)));
        return builder.build();
    }
}
