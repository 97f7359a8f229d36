package io.resourcemanager.provisioner.autoscale;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationState;
import io.resourcemanager.kafka.KafkaProperties;
import io.resourcemanager.kafka.RegistryProperties;
import io.resourcemanager.topics.Topic;
import io.resourcemanager.topics.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Feeds {@link AllocationDemand} from {@code rm.allocations} and {@code rm.allocation.events} on a
 * background thread. Every start reads both topics from their beginning (the compacted state topic is
 * the whole truth, the events say which queued allocations a quota blocks), then follows them; the view
 * reports ready once it reached the ends the topics had at start. The reader is assigned every
 * partition and belongs to no consumer group: it commits nothing and leaves no group behind, and every
 * instance sees everything. A record that cannot be decoded is logged and skipped; the allocation
 * service's own consumers dead-letter it. Runs only when autoscaling is enabled.
 */
@Singleton
final class AllocationFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AllocationFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PAUSE = Duration.ofSeconds(1);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final AllocationDemand demand;
    private final AutoscaleProperties properties;
    private final KafkaProperties kafka;
    private final RegistryProperties registry;
    private final String clientId;
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    AllocationFeed(AllocationDemand demand, AutoscaleProperties properties, KafkaProperties kafka,
                   RegistryProperties registry, @Value("${micronaut.application.name}") String application) {
        this.demand = demand;
        this.properties = properties;
        this.kafka = kafka;
        this.registry = registry;
        this.clientId = application + "-autoscale-allocations";
    }

    @EventListener
    synchronized void onStartup(StartupEvent event) {
        if (!properties.enabled() || thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Deserializer<AllocationState> states = Topics.ALLOCATIONS.valueSerde(registry.settings()).deserializer();
        Deserializer<AllocationEventEnvelope> events =
                Topics.ALLOCATION_EVENTS.valueSerde(registry.settings()).deserializer();
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(config(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = reader;
            List<TopicPartition> partitions = awaitPartitions(reader);
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions, METADATA_TIMEOUT);
            LOG.info("Reading allocations and their events from the beginning ({} partitions)", partitions.size());
            while (running) {
                poll(reader, states, events);
                if (!demand.ready() && ends.entrySet().stream()
                        .allMatch(end -> reader.position(end.getKey()) >= end.getValue())) {
                    demand.caughtUp();
                    LOG.info("Allocation view caught up: queued demand {}, nodes holding allocations {}",
                            demand.queuedByPool(), demand.nodesHoldingAllocations().size());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Allocation reader woken up while running; the autoscaler's demand view stops", e);
            }
        } catch (RuntimeException e) {
            LOG.error("Allocation reader failed; the autoscaler's demand view stops", e);
        }
    }

    private void poll(KafkaConsumer<byte[], byte[]> reader, Deserializer<AllocationState> states,
                      Deserializer<AllocationEventEnvelope> events) {
        try {
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
                apply(record, states, events);
            }
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Polling allocations failed, trying again: {}", e.getMessage());
            pause();
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record, Deserializer<AllocationState> states,
                       Deserializer<AllocationEventEnvelope> events) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        try {
            if (record.topic().equals(Topics.ALLOCATIONS.name())) {
                demand.onState(key, record.value() == null ? null
                        : states.deserialize(record.topic(), record.headers(), record.value()));
            } else if (record.value() != null) {
                demand.onEvent(key, events.deserialize(record.topic(), record.headers(), record.value()));
            }
        } catch (RuntimeException e) {
            LOG.warn("Skipping {}-{}@{} (allocation {}): {}", record.topic(), record.partition(), record.offset(), key,
                    e.getMessage());
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<byte[], byte[]> reader) {
        while (running) {
            List<TopicPartition> states = partitionsOf(reader, Topics.ALLOCATIONS);
            List<TopicPartition> events = partitionsOf(reader, Topics.ALLOCATION_EVENTS);
            if (!states.isEmpty() && !events.isEmpty()) {
                List<TopicPartition> partitions = new ArrayList<>(states);
                partitions.addAll(events);
                return partitions;
            }
            LOG.info("Waiting for {} and {} to exist", Topics.ALLOCATIONS.name(), Topics.ALLOCATION_EVENTS.name());
            pause();
        }
        throw new WakeupException();
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> reader, Topic<?> topic) {
        return reader.partitionsFor(topic.name(), METADATA_TIMEOUT).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
    }

    private Map<String, Object> config() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    @Override
    public void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> reader = consumer;
        if (reader != null) {
            reader.wakeup();
        }
        Thread worker;
        synchronized (this) {
            worker = thread;
        }
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
