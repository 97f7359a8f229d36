package io.resourcemanager.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads topics from the beginning on a background thread and keeps every record, so a test can wait
 * for the records it expects.
 *
 * <p>Reads only committed records by default ({@code isolation.level=read_committed}), as the
 * services write with exactly-once semantics. Close it when the test is done.
 *
 * <pre>{@code
 * try (var events = RecordCollector.start(env.bootstrapServers(), List.of(topic),
 *         new StringDeserializer(), new StringDeserializer())) {
 *     ...
 *     ConsumerRecord<String, String> granted = events.awaitRecord(r -> r.key().equals("a-1"), Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class RecordCollector<K, V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecordCollector.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final int RECORDS_SHOWN_ON_FAILURE = 20;

    private final KafkaConsumer<K, V> consumer;
    private final Collection<String> topics;
    private final List<ConsumerRecord<K, V>> records = new ArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;
    private RuntimeException failure;

    private RecordCollector(KafkaConsumer<K, V> consumer, Collection<String> topics) {
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.poller = new Thread(this::pollUntilClosed, "record-collector-" + String.join(",", topics));
        this.poller.setDaemon(true);
    }

    /**
     * Starts collecting with default consumer settings.
     *
     * @param bootstrapServers  the broker to read from
     * @param topics            the topics to read, from their beginning
     * @param keyDeserializer   deserializer for keys, already configured
     * @param valueDeserializer deserializer for values, already configured
     * @param <K>               key type
     * @param <V>               value type
     * @return the running collector
     */
    public static <K, V> RecordCollector<K, V> start(String bootstrapServers, Collection<String> topics,
            Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
        return start(bootstrapServers, topics, keyDeserializer, valueDeserializer, Map.of());
    }

    /**
     * Starts collecting; {@code overrides} replace the consumer defaults (a fresh group, earliest
     * offset, read_committed).
     *
     * @param bootstrapServers  the broker to read from
     * @param topics            the topics to read
     * @param keyDeserializer   deserializer for keys, already configured
     * @param valueDeserializer deserializer for values, already configured
     * @param overrides         extra or replacing consumer settings
     * @param <K>               key type
     * @param <V>               value type
     * @return the running collector
     */
    public static <K, V> RecordCollector<K, V> start(String bootstrapServers, Collection<String> topics,
            Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "record-collector-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        config.putAll(overrides);
        RecordCollector<K, V> collector =
                new RecordCollector<>(new KafkaConsumer<>(config, keyDeserializer, valueDeserializer), topics);
        collector.poller.start();
        return collector;
    }

    /**
     * @return a copy of the records collected so far, in arrival order
     * @throws IllegalStateException if the background consumer failed
     */
    public synchronized List<ConsumerRecord<K, V>> records() {
        throwIfFailed();
        return List.copyOf(records);
    }

    /**
     * @return the values collected so far, in arrival order
     */
    public List<V> values() {
        return records().stream().map(ConsumerRecord::value).toList();
    }

    /**
     * Waits until at least {@code count} records have arrived.
     *
     * @param count   how many records to wait for
     * @param timeout the longest wait
     * @return the first {@code count} records
     * @throws AssertionError if fewer arrived in time
     */
    public List<ConsumerRecord<K, V>> awaitRecords(int count, Duration timeout) {
        awaitCondition(collected -> collected.size() >= count, timeout, count + " record(s)");
        return records().subList(0, count);
    }

    /**
     * Waits for a record that satisfies {@code matcher}.
     *
     * @param matcher what the record must look like
     * @param timeout the longest wait
     * @return the first matching record
     * @throws AssertionError if none arrived in time
     */
    public ConsumerRecord<K, V> awaitRecord(Predicate<? super ConsumerRecord<K, V>> matcher, Duration timeout) {
        awaitCondition(collected -> firstMatch(collected, matcher).isPresent(), timeout, "a matching record");
        return firstMatch(records(), matcher).orElseThrow();
    }

    /** Stops the background consumer and waits for it to leave its group. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void awaitCondition(Predicate<List<ConsumerRecord<K, V>>> condition, Duration timeout,
            String expectation) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!condition.test(records)) {
                throwIfFailed();
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    throw new AssertionError("Expected " + expectation + " on " + topics + " within " + timeout
                            + " but collected " + records.size() + ", starting with: "
                            + records.subList(0, Math.min(records.size(), RECORDS_SHOWN_ON_FAILURE)));
                }
                wait(remainingMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + expectation, e);
        }
    }

    private void pollUntilClosed() {
        try (consumer) {
            consumer.subscribe(topics);
            while (running) {
                append(consumer.poll(POLL_TIMEOUT));
            }
        } catch (WakeupException closing) {
            LOG.debug("Record collector on {} closed", topics);
        } catch (RuntimeException e) {
            LOG.warn("Record collector on {} failed", topics, e);
            fail(e);
        }
    }

    private synchronized void append(Iterable<ConsumerRecord<K, V>> batch) {
        batch.forEach(records::add);
        notifyAll();
    }

    private synchronized void fail(RuntimeException e) {
        failure = e;
        notifyAll();
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw new IllegalStateException("Record collector on " + topics + " failed", failure);
        }
    }

    private static <R> Optional<R> firstMatch(List<R> collected, Predicate<? super R> matcher) {
        return collected.stream().filter(matcher).findFirst();
    }
}
