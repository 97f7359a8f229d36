package io.resourcemanager.allocation.benchmark;

import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.AllocationQueued;
import io.resourcemanager.events.AllocationRejected;
import io.resourcemanager.events.AllocationReleased;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the ledger's decisions from {@code rm.allocation.events} (committed records only, as any
 * consumer of an exactly-once application does) and matches each one to the request it answers:
 * an {@code AllocationGranted}, {@code AllocationRejected} or {@code AllocationQueued} answers the
 * allocation request with its id, an {@code AllocationReleased} answers the release. The latency of
 * a request is from just before its send to the poll that returned its answer, both on this JVM's
 * monotonic clock.
 */
final class DecisionTracker implements AutoCloseable {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(20);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /** The kinds of request the benchmark sends. */
    enum RequestKind { ALLOCATE, RELEASE }

    private final KafkaConsumer<String, AllocationEventEnvelope> consumer;
    private final Thread poller;
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private volatile LatencySample sample = new LatencySample();
    private volatile boolean running = true;
    private volatile RuntimeException failure;
    private long answered;
    private long lastAnswerNanos;

    private DecisionTracker(KafkaConsumer<String, AllocationEventEnvelope> consumer) {
        this.consumer = consumer;
        this.poller = new Thread(this::pollUntilClosed, "decision-tracker");
        this.poller.setDaemon(true);
    }

    /** Starts reading every partition of {@code rm.allocation.events} from its beginning. */
    static DecisionTracker start(String bootstrapServers, RegistrySettings registry) {
        KafkaConsumer<String, AllocationEventEnvelope> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), Topics.ALLOCATION_EVENTS.valueSerde(registry).deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALLOCATION_EVENTS.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        DecisionTracker tracker = new DecisionTracker(consumer);
        tracker.poller.start();
        return tracker;
    }

    /** Notes that a request of {@code kind} for {@code allocationId} is about to be sent. */
    void sending(RequestKind kind, String allocationId) {
        pending.put(key(kind, allocationId), System.nanoTime());
    }

    /** Starts a new latency sample: answers arriving from now on are recorded in it. */
    LatencySample newSample() {
        LatencySample fresh = new LatencySample();
        sample = fresh;
        return fresh;
    }

    /** Requests answered so far. */
    synchronized long answered() {
        return answered;
    }

    /** When the latest answer arrived ({@link System#nanoTime()}), or 0 before the first. */
    synchronized long lastAnswerNanos() {
        return lastAnswerNanos;
    }

    /** Decisions seen so far, by event type. */
    Map<String, Long> outcomes() {
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((type, count) -> counts.put(type, count.get()));
        return counts;
    }

    /** Waits until {@code target} requests in total have been answered; false if the timeout passed first. */
    synchronized boolean awaitAnswered(long target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (answered < target) {
            if (failure != null) {
                throw new IllegalStateException("The decision consumer failed", failure);
            }
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return false;
            }
            wait(remainingMillis);
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(CLOSE_TIMEOUT.toMillis());
    }

    private void pollUntilClosed() {
        try (consumer) {
            while (running) {
                ConsumerRecords<String, AllocationEventEnvelope> records = consumer.poll(POLL_TIMEOUT);
                long arrived = System.nanoTime();
                records.forEach(record -> record(record, arrived));
            }
        } catch (WakeupException closing) {
            // closed
        } catch (RuntimeException e) {
            synchronized (this) {
                failure = e;
                notifyAll();
            }
        }
    }

    private void record(ConsumerRecord<String, AllocationEventEnvelope> record, long arrived) {
        Object payload = record.value() == null ? null : record.value().getPayload();
        String type = payload == null ? "null" : payload.getClass().getSimpleName();
        outcomes.computeIfAbsent(type, ignored -> new AtomicLong()).incrementAndGet();
        RequestKind kind = answeredKind(payload);
        Long sent = kind == null ? null : pending.remove(key(kind, record.key()));
        if (sent == null) {
            return;
        }
        sample.add(arrived - sent);
        synchronized (this) {
            answered++;
            lastAnswerNanos = arrived;
            notifyAll();
        }
    }

    private static RequestKind answeredKind(Object payload) {
        if (payload instanceof AllocationGranted || payload instanceof AllocationRejected
                || payload instanceof AllocationQueued) {
            return RequestKind.ALLOCATE;
        }
        return payload instanceof AllocationReleased ? RequestKind.RELEASE : null;
    }

    private static String key(RequestKind kind, String allocationId) {
        return kind.name() + ':' + allocationId;
    }
}
