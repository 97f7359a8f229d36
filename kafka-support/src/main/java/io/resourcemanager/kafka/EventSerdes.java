package io.resourcemanager.kafka;

import io.resourcemanager.topics.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Where topologies get their Avro serdes: for catalogue topics and for state stores. Production
 * uses {@link RegistryEventSerdes}; topology tests use a registry-free implementation.
 */
public interface EventSerdes {

    /** The value serde of a catalogue topic. */
    <V> Serde<V> forTopic(Topic<V> topic);

    /** A serde for Avro values kept in a state store (and its changelog). */
    <V extends SpecificRecord> Serde<V> forStore(Class<V> type);
}
