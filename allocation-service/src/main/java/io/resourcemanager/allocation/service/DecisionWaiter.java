package io.resourcemanager.allocation.service;

import io.micronaut.context.annotation.Context;
import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.kafka.CatalogueTopics;
import io.resourcemanager.kafka.KafkaProperties;
import io.resourcemanager.kafka.RegistryProperties;
import io.resourcemanager.topics.Topics;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reply side of request/reply over Kafka: follows {@code rm.allocation.events} from the moment
 * the service started and completes the waits registered for an allocation when its outcome appears.
 */
@Context
public final class DecisionWaiter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionWaiter.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<AllocationEventEnvelope> events;
    private final Map<String, List<Wait>> waits = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    DecisionWaiter(KafkaProperties kafka, RegistryProperties registry, CatalogueTopics topics) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "decision-waiter-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        events = Topics.ALLOCATION_EVENTS.valueSerde(registry.settings()).deserializer();
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALLOCATION_EVENTS.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "decision-waiter");
        poller.setDaemon(true);
        poller.start();
    }

    /**
     * A future completed with the first event of {@code allocationId} whose payload matches. Register
     * before publishing the request, so the outcome cannot be missed.
     */
    public CompletableFuture<Object> await(String allocationId, Predicate<Object> payloadMatches) {
        Wait wait = new Wait(payloadMatches, new CompletableFuture<>());
        waits.computeIfAbsent(allocationId, id -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(wait);
        wait.result().whenComplete((payload, error) -> forget(allocationId, wait));
        return wait.result();
    }

    private void forget(String allocationId, Wait wait) {
        waits.computeIfPresent(allocationId, (id, list) -> {
            list.remove(wait);
            return list.isEmpty() ? null : list;
        });
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    decode(record).ifPresent(event -> complete(record.key(), event.getPayload()));
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("Decision waiter stopped following {}", Topics.ALLOCATION_EVENTS.name(), e);
        } finally {
            consumer.close();
        }
    }

    /** Undecodable records are skipped here: the ledger's own consumers dead-letter them. */
    private java.util.Optional<AllocationEventEnvelope> decode(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.ofNullable(events.deserialize(record.topic(), record.headers(), record.value()));
        } catch (RuntimeException e) {
            LOG.warn("Skipping undecodable record {}@{}: {}", record.topic(), record.offset(), e.toString());
            return java.util.Optional.empty();
        }
    }

    private void complete(String allocationId, Object payload) {
        List<Wait> registered = waits.get(allocationId);
        if (registered != null) {
            registered.stream().filter(wait -> wait.matches().test(payload)).forEach(wait -> wait.result().complete(payload));
        }
    }

    @Override
    @PreDestroy
    public void close() {
        running = false;
        consumer.wakeup();
    }

    private record Wait(Predicate<Object> matches, CompletableFuture<Object> result) {
    }
}
