package io.resourcemanager.provisioner.budget;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.resourcemanager.events.BudgetEnforcement;
import io.resourcemanager.kafka.KafkaProperties;
import io.resourcemanager.kafka.RegistryProperties;
import io.resourcemanager.topics.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Keeps {@link EnforcedPools} current from the compacted {@code rm.cost.enforcements} (keyed by budget;
 * a tombstone lifts the budget) on a background thread. Every start reads the topic from its beginning
 * and startup waits (bounded) until it reached the end the topic had, so the first scale request
 * already sees every enforcement. The reader is assigned every partition and belongs to no consumer
 * group. A record that cannot be decoded is logged and skipped.
 *
 * <p>{@code TopicListener} does not fit: it never hands tombstones to its handlers and resumes from
 * its group's offsets instead of the beginning.
 */
@Singleton
final class EnforcementFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnforcementFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PAUSE = Duration.ofSeconds(1);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

    private final EnforcedPools pools;
    private final KafkaProperties kafka;
    private final RegistryProperties registry;
    private final String clientId;
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    EnforcementFeed(EnforcedPools pools, KafkaProperties kafka, RegistryProperties registry,
                    @Value("${micronaut.application.name}") String application) {
        this.pools = pools;
        this.kafka = kafka;
        this.registry = registry;
        this.clientId = application + "-budget-enforcements";
    }

    @EventListener
    synchronized void onStartup(StartupEvent event) {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
        thread.start();
        try {
            if (!pools.awaitCaughtUp(STARTUP_WAIT)) {
                LOG.warn("{} not read to its end within {}; scale-up is refused until it is",
                        Topics.COST_ENFORCEMENTS.name(), STARTUP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Deserializer<BudgetEnforcement> values =
                Topics.COST_ENFORCEMENTS.valueSerde(registry.settings()).deserializer();
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(config(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = reader;
            List<TopicPartition> partitions = awaitPartitions(reader);
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions, METADATA_TIMEOUT);
            while (running) {
                poll(reader, values);
                if (!pools.ready() && ends.entrySet().stream()
                        .allMatch(end -> reader.position(end.getKey()) >= end.getValue())) {
                    pools.caughtUp();
                    LOG.info("Budget enforcements read from {}", Topics.COST_ENFORCEMENTS.name());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Budget enforcement reader woken up while running; enforcements are no longer followed", e);
            }
        } catch (RuntimeException e) {
            LOG.error("Budget enforcement reader failed; enforcements are no longer followed", e);
        }
    }

    private void poll(KafkaConsumer<byte[], byte[]> reader, Deserializer<BudgetEnforcement> values) {
        try {
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
                apply(record, values);
            }
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Polling budget enforcements failed, trying again: {}", e.getMessage());
            pause();
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record, Deserializer<BudgetEnforcement> values) {
        if (record.key() == null) {
            return;
        }
        String budget = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            pools.lift(budget);
            LOG.info("Budget {} is lifted", budget);
            return;
        }
        try {
            BudgetEnforcement enforcement = values.deserialize(record.topic(), record.headers(), record.value());
            pools.enforce(budget, enforcement.getPool(), enforcement.getReason());
            if (enforcement.getPool() != null) {
                LOG.info("Budget {} is enforced on pool {}: {}", budget, enforcement.getPool(),
                        enforcement.getReason());
            }
        } catch (RuntimeException e) {
            LOG.warn("Skipping {}-{}@{} (budget {}): {}", record.topic(), record.partition(), record.offset(), budget,
                    e.getMessage());
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<byte[], byte[]> reader) {
        while (running) {
            List<TopicPartition> partitions = reader.partitionsFor(Topics.COST_ENFORCEMENTS.name(), METADATA_TIMEOUT)
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            LOG.info("Waiting for {} to exist", Topics.COST_ENFORCEMENTS.name());
            pause();
        }
        throw new WakeupException();
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
