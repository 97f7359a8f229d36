package io.resourcemanager.kafka;

import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reply side of request/reply over Kafka: follows every partition of a topic from the moment it
 * starts (committed records only, no consumer group offsets) and completes the wait registered for
 * a reply id when a record carrying that id appears. Register before publishing the request, so the
 * reply cannot be missed. Undecodable records are skipped here; the topic's own consumers
 * dead-letter them.
 *
 * @param <V> value type of the topic
 */
public final class ReplyWaiter<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyWaiter.class);

    private final Topic<V> topic;
    private final Function<V, Optional<String>> replyId;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<V> values;
    private final Map<String, CompletableFuture<V>> waits = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    private ReplyWaiter(Topic<V> topic, String bootstrapServers, RegistrySettings registry,
                        Function<V, Optional<String>> replyId) {
        this.topic = topic;
        this.replyId = replyId;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "reply-waiter-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.values = topic.valueSerde(registry).deserializer();
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.poller = new Thread(this::poll, "reply-waiter-" + topic.name());
        poller.setDaemon(true);
    }

    /** Starts following {@code topic}; {@code replyId} names the reply a record is, if it is one. */
    public static <V> ReplyWaiter<V> follow(Topic<V> topic, String bootstrapServers, RegistrySettings registry,
                                            Function<V, Optional<String>> replyId) {
        ReplyWaiter<V> waiter = new ReplyWaiter<>(topic, bootstrapServers, registry, replyId);
        waiter.poller.start();
        return waiter;
    }

    /** A future completed with the first record whose reply id is {@code id}. */
    public CompletableFuture<V> await(String id) {
        CompletableFuture<V> reply = waits.computeIfAbsent(id, key -> new CompletableFuture<>());
        reply.whenComplete((value, error) -> waits.remove(id, reply));
        return reply;
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    decode(record).ifPresent(value -> replyId.apply(value)
                            .map(waits::get)
                            .ifPresent(wait -> wait.complete(value)));
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("Reply waiter stopped following {}", topic.name(), e);
        } finally {
            consumer.close();
        }
    }

    private Optional<V> decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(values.deserialize(record.topic(), record.headers(), record.value()));
        } catch (RuntimeException e) {
            LOG.warn("Skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
