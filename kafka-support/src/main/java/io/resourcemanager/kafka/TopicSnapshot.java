package io.resourcemanager.kafka;

import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a compacted topic from the beginning to its current end and returns the latest value per
 * key (tombstones remove the key). Undecodable records go to the dead-letter topic.
 */
public final class TopicSnapshot {

    private TopicSnapshot() {
    }

    /** The latest value per key of {@code topic}, read within {@code timeout}. */
    public static <V> Map<String, V> read(Topic<V> topic, String bootstrapServers, RegistrySettings registry,
                                          Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "snapshot-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Deserializer<V> values = topic.valueSerde(registry).deserializer();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             DeadLetterPublisher deadLetters = DeadLetterPublisher.connect(bootstrapServers, "snapshot-dead-letters")) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<String, V> latest = new HashMap<>();
            Instant deadline = Instant.now().plus(timeout);
            while (!reachedEnd(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Timed out reading " + topic.name() + " to its end");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(topic, record, values, latest, deadLetters);
                }
            }
            return latest;
        }
    }

    private static <V> void apply(Topic<V> topic, ConsumerRecord<byte[], byte[]> record, Deserializer<V> values,
                                  Map<String, V> latest, DeadLetterPublisher deadLetters) {
        String key = record.key() == null ? null : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
        if (key == null) {
            return;
        }
        if (record.value() == null) {
            latest.remove(key);
            return;
        }
        try {
            latest.put(key, values.deserialize(topic.name(), record.headers(), record.value()));
        } catch (RuntimeException e) {
            deadLetters.publish(record, e);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
