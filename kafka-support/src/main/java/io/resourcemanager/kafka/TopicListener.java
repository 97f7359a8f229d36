package io.resourcemanager.kafka;

import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the records of catalogue topics to handlers on one background thread, at least once: offsets
 * are committed only after the handlers returned. A record that cannot be decoded goes to the topic's
 * dead-letter twin; a handler that throws sees the same record again after a pause, and the records
 * behind it on its partition wait for it (other partitions go on), so per-key order holds and nothing
 * is skipped. For listeners
 * whose handlers act on the outside world; state kept in Kafka belongs in a Streams topology instead.
 */
public final class TopicListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicListener.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final DeadLetterPublisher deadLetters;
    private final Map<String, Handler<?>> handlers = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** What to do with the records of one topic. */
    public record Subscription<V>(Topic<V> topic, BiConsumer<String, V> handler) {
    }

    private record Handler<V>(Topic<V> topic, Deserializer<V> values, BiConsumer<String, V> handler) {
        /** Decodes the record; the returned action hands it to the handler. */
        Runnable decode(ConsumerRecord<byte[], byte[]> record) {
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            V value = values.deserialize(topic.name(), record.headers(), record.value());
            return () -> handler.accept(key, value);
        }
    }

    private TopicListener(String groupId, String bootstrapServers, RegistrySettings registry,
                          List<Subscription<?>> subscriptions) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.deadLetters = DeadLetterPublisher.connect(bootstrapServers, groupId + "-dead-letters");
        subscriptions.forEach(subscription -> add(subscription, registry));
        consumer.subscribe(handlers.keySet());
        this.thread = new Thread(this::loop, "listener-" + groupId);
        thread.setDaemon(true);
    }

    /** Starts listening to {@code subscriptions} as consumer group {@code groupId}. */
    public static TopicListener start(String groupId, String bootstrapServers, RegistrySettings registry,
                                      List<Subscription<?>> subscriptions) {
        TopicListener listener = new TopicListener(groupId, bootstrapServers, registry, subscriptions);
        listener.thread.start();
        return listener;
    }

    private <V> void add(Subscription<V> subscription, RegistrySettings registry) {
        Topic<V> topic = subscription.topic();
        handlers.put(topic.name(), new Handler<>(topic, topic.valueSerde(registry).deserializer(), subscription.handler()));
    }

    private void loop() {
        try {
            while (running) {
                Set<TopicPartition> blocked = new HashSet<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (blocked.contains(partition)) {
                        continue;
                    }
                    if (!process(record)) {
                        consumer.seek(partition, record.offset());
                        blocked.add(partition);
                        continue;
                    }
                    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                }
                if (!blocked.isEmpty()) {
                    pause();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
            deadLetters.close();
        }
    }

    /** Handles one record; false when it must be seen again. */
    private boolean process(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return true;
        }
        Runnable handling;
        try {
            handling = handlers.get(record.topic()).decode(record);
        } catch (RuntimeException e) {
            deadLetters.publish(record, e);
            return true;
        }
        try {
            handling.run();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Handling {}-{}@{} failed, trying again: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage(), e);
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
