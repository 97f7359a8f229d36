package io.resourcemanager.topics;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One entry of the topic catalogue: a topic's name, the types of its keys and values, how many
 * partitions it has and how Kafka cleans it up. Keys are always strings.
 *
 * @param name topic name, prefixed {@code rm.}
 * @param valueType Avro class of every value ({@code byte[]} for dead-letter topics)
 * @param partitions partition count used when the topic is created
 * @param cleanupPolicy delete (event log) or compact (current-state table)
 * @param keyDescription what the key identifies, for documentation and tooling
 * @param <V> value type
 */
public record Topic<V>(String name, Class<V> valueType, int partitions, CleanupPolicy cleanupPolicy,
                       String keyDescription) {

    /** Suffix of the dead-letter topic that receives undecodable records of a topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if (!name.startsWith("rm.")) {
            throw new IllegalArgumentException("Topic names start with rm.: " + name);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + name);
        }
    }

    /** The serde of every key: UTF-8 strings. */
    public Serde<String> keySerde() {
        return Serdes.String();
    }

    /** The value serde, configured against the registry described by {@code registry}. */
    public Serde<V> valueSerde(RegistrySettings registry) {
        return AvroSerdes.forValues(valueType, registry);
    }

    /** Topic-level configuration to apply when the topic is created. */
    public Map<String, String> topicConfig() {
        return Map.of("cleanup.policy", cleanupPolicy.configValue());
    }

    /** The dead-letter topic that receives this topic's undecodable records. */
    public Topic<byte[]> deadLetter() {
        return new Topic<>(name + DEAD_LETTER_SUFFIX, byte[].class, partitions, CleanupPolicy.DELETE, keyDescription);
    }

    /** Whether this is a dead-letter topic. */
    public boolean isDeadLetter() {
        return name.endsWith(DEAD_LETTER_SUFFIX);
    }
}
