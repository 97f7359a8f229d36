package io.resourcemanager.health.benchmark;

import io.resourcemanager.events.HealthEventEnvelope;
import io.resourcemanager.events.NodeConditionSnapshot;
import io.resourcemanager.events.NodeHealth;
import io.resourcemanager.events.NodeHealthChanged;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code rm.health.events} from the beginning (every partition assigned, no group) on its own thread
 * and keeps every {@code NodeHealthChanged} per node, in order, with the wall time its poll returned.
 */
final class HealthEventWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthEventWatch.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, HealthEventEnvelope> consumer;
    private final Thread poller;
    private final Map<String, List<Seen>> byNode = new ConcurrentHashMap<>();
    private final Set<String> healthy = ConcurrentHashMap.newKeySet();
    private final AtomicInteger events = new AtomicInteger();
    private final AtomicInteger otherEvents = new AtomicInteger();
    private volatile boolean running = true;

    private HealthEventWatch(KafkaConsumer<String, HealthEventEnvelope> consumer) {
        this.consumer = consumer;
        this.poller = new Thread(this::pollUntilClosed, "bench-event-watch");
    }

    /** Starts reading every partition of {@code rm.health.events} from its beginning. */
    static HealthEventWatch start(String bootstrapServers, RegistrySettings registry) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-event-watch");
        KafkaConsumer<String, HealthEventEnvelope> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                Topics.HEALTH_EVENTS.valueSerde(registry).deserializer());
        consumer.assign(consumer.partitionsFor(Topics.HEALTH_EVENTS.name()).stream()
                .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList());
        HealthEventWatch watch = new HealthEventWatch(consumer);
        watch.poller.start();
        return watch;
    }

    /** Nodes a HEALTHY {@code NodeHealthChanged} was seen for. */
    int healthyNodes() {
        return healthy.size();
    }

    /** Every {@code NodeHealthChanged} seen. */
    int events() {
        return events.get();
    }

    /** Events other than {@code NodeHealthChanged} (there should be none). */
    int otherEvents() {
        return otherEvents.get();
    }

    /** The changes seen for {@code node}, in order. */
    List<Seen> of(String node) {
        List<Seen> seen = byNode.get(node);
        if (seen == null) {
            return List.of();
        }
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private void pollUntilClosed() {
        try {
            while (running) {
                ConsumerRecords<String, HealthEventEnvelope> records = consumer.poll(POLL);
                Instant received = Instant.now();
                records.forEach(record -> take(record.value(), received));
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("Reading rm.health.events failed; the figures stop here", e);
        }
    }

    private void take(HealthEventEnvelope event, Instant received) {
        if (event == null || !(event.getPayload() instanceof NodeHealthChanged changed)) {
            otherEvents.incrementAndGet();
            return;
        }
        events.incrementAndGet();
        if (changed.getHealth() == NodeHealth.HEALTHY) {
            healthy.add(changed.getNode());
        }
        Seen seen = new Seen(status(changed, "Ready"), status(changed, "DiskPressure"), changed.getHealth(),
                event.getHeader().getOccurredAt(), received);
        List<Seen> list = byNode.computeIfAbsent(changed.getNode(), node -> new ArrayList<>());
        synchronized (list) {
            list.add(seen);
        }
    }

    private static String status(NodeHealthChanged changed, String type) {
        return changed.getConditions().stream().filter(c -> type.equals(c.getType()))
                .map(NodeConditionSnapshot::getStatus).findFirst().orElse("");
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(Duration.ofSeconds(10).toMillis());
        consumer.close(Duration.ofSeconds(5));
    }

    /**
     * One {@code NodeHealthChanged} as seen.
     *
     * @param ready the Ready status it reports
     * @param diskPressure the DiskPressure status it reports
     * @param health the judged health
     * @param occurredAt the header's {@code occurred_at}: when the service built it
     * @param received when the poll that returned it came back
     */
    record Seen(String ready, String diskPressure, NodeHealth health, Instant occurredAt, Instant received) {
    }
}
