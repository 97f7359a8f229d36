package io.resourcemanager.kafka;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.resourcemanager.topics.AvroSerdes;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes Avro events to catalogue topics with an idempotent producer. Only the topic's own value
 * type is accepted, so a value can never land on the wrong topic.
 */
public final class EventPublisher implements AutoCloseable {

    private final Producer<String, Object> producer;

    EventPublisher(Producer<String, Object> producer) {
        this.producer = producer;
    }

    /** A publisher connected to {@code bootstrapServers}, registering schemas in {@code registry}. */
    public static EventPublisher connect(String bootstrapServers, RegistrySettings registry, String clientId) {
        Map<String, Object> config = new HashMap<>(AvroSerdes.serdeConfig(registry));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        AvroKafkaSerializer<Object> valueSerializer = new AvroKafkaSerializer<>();
        valueSerializer.configure(config, false);
        return new EventPublisher(new KafkaProducer<>(config, new StringSerializer(), valueSerializer));
    }

    /** Sends {@code value} keyed by {@code key}; the future completes when the broker acknowledged it. */
    public <V extends SpecificRecord> CompletableFuture<RecordMetadata> publish(Topic<V> topic, String key, V value) {
        return send(new ProducerRecord<>(topic.name(), key, value));
    }

    /** Sends a tombstone for {@code key} on a compacted topic. */
    public CompletableFuture<RecordMetadata> publishTombstone(Topic<?> topic, String key) {
        return send(new ProducerRecord<>(topic.name(), key, null));
    }

    private CompletableFuture<RecordMetadata> send(ProducerRecord<String, Object> record) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(metadata);
            }
        });
        return result;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
