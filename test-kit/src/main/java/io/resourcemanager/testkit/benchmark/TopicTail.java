package io.resourcemanager.testkit.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one topic from its beginning (every partition assigned, no consumer group) on a thread of its own
 * and hands each record to a handler with the wall time its poll returned: what a benchmark needs to time
 * events as a consumer sees them.
 *
 * @param <V> value type of the topic
 */
public final class TopicTail<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);
    private static final Duration POLL = Duration.ofMillis(100);

    /** What to do with one record. */
    @FunctionalInterface
    public interface Handler<V> {
        /** Takes {@code record}, returned by a poll that came back at {@code received}. */
        void take(ConsumerRecord<String, V> record, Instant received);
    }

    private final String topic;
    private final KafkaConsumer<String, V> consumer;
    private final Handler<V> handler;
    private final Thread poller;
    private volatile boolean running = true;

    private TopicTail(String topic, KafkaConsumer<String, V> consumer, Handler<V> handler) {
        this.topic = topic;
        this.consumer = consumer;
        this.handler = handler;
        this.poller = new Thread(this::pollUntilClosed, "tail-" + topic);
    }

    /**
     * Starts reading {@code topic}.
     *
     * @param readCommitted whether to read only committed records (as consumers of exactly-once output do)
     */
    public static <V> TopicTail<V> start(String bootstrapServers, String topic, Deserializer<V> values,
                                         boolean readCommitted, Handler<V> handler) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "tail-" + topic);
        if (readCommitted) {
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        }
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        consumer.assign(consumer.partitionsFor(topic).stream()
                .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList());
        TopicTail<V> tail = new TopicTail<>(topic, consumer, handler);
        tail.poller.start();
        return tail;
    }

    private void pollUntilClosed() {
        try {
            while (running) {
                ConsumerRecords<String, V> records = consumer.poll(POLL);
                Instant received = Instant.now();
                records.forEach(record -> handler.take(record, received));
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("Reading {} failed; the figures stop here", topic, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(Duration.ofSeconds(10).toMillis());
        consumer.close(Duration.ofSeconds(5));
    }
}
