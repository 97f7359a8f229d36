package io.resourcemanager.provisioner.benchmark;

import io.resourcemanager.events.NodeJoined;
import io.resourcemanager.events.NodeRemoved;
import io.resourcemanager.events.ProvisionWorkers;
import io.resourcemanager.events.ProvisioningCommandEnvelope;
import io.resourcemanager.events.ProvisioningEventEnvelope;
import io.resourcemanager.events.ProvisioningFailed;
import io.resourcemanager.state.WorkerSaga;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topic;
import io.resourcemanager.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
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
 * Reads what the provisioner writes — saga states on {@code rm.provisioning.sagas}, events on
 * {@code rm.provisioning.events}, commands on {@code rm.provisioning.commands} — on a background thread,
 * every partition from the beginning, and notes when each record was seen (this JVM's wall clock, the
 * clock the service stamps its records with).
 */
final class ProvisioningWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningWatch.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(20);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /** A record's value and when this watch saw it. */
    record Seen<V>(V value, Instant at, Instant occurredAt) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<WorkerSaga> sagas;
    private final Deserializer<ProvisioningEventEnvelope> events;
    private final Deserializer<ProvisioningCommandEnvelope> commands;
    private final Map<String, List<WorkerSaga>> sagasByWorker = new ConcurrentHashMap<>();
    private final Map<String, Seen<NodeJoined>> joins = new ConcurrentHashMap<>();
    private final Map<String, Seen<NodeRemoved>> removals = new ConcurrentHashMap<>();
    private final Map<String, ProvisioningFailed> failures = new ConcurrentHashMap<>();
    private final List<Seen<ProvisionWorkers>> provisions = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    private ProvisioningWatch(KafkaConsumer<String, byte[]> consumer, RegistrySettings registry) {
        this.consumer = consumer;
        this.sagas = Topics.PROVISIONING_SAGAS.valueSerde(registry).deserializer();
        this.events = Topics.PROVISIONING_EVENTS.valueSerde(registry).deserializer();
        this.commands = Topics.PROVISIONING_COMMANDS.valueSerde(registry).deserializer();
        this.poller = new Thread(this::pollUntilClosed, "provisioning-watch");
        this.poller.setDaemon(true);
    }

    /** Starts reading the three topics from their beginning. */
    static ProvisioningWatch start(String bootstrapServers, RegistrySettings registry) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic<?> topic : List.of(Topics.PROVISIONING_SAGAS, Topics.PROVISIONING_EVENTS,
                Topics.PROVISIONING_COMMANDS)) {
            consumer.partitionsFor(topic.name()).forEach(info ->
                    partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        ProvisioningWatch watch = new ProvisioningWatch(consumer, registry);
        watch.poller.start();
        return watch;
    }

    /** The workers of the provisioning sagas started by command {@code commandId}. */
    Set<String> workersOf(String commandId) {
        return sagasByWorker.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(saga -> commandId.equals(saga.getCommandId())
                        && saga.getKind() == io.resourcemanager.state.SagaKind.PROVISION))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** Every state the sagas of {@code worker} went through, in the order written. */
    List<WorkerSaga> sagaStates(String worker) {
        return List.copyOf(sagasByWorker.getOrDefault(worker, List.of()));
    }

    /** The first {@code NodeJoined} of {@code worker}. */
    Optional<Seen<NodeJoined>> joined(String worker) {
        return Optional.ofNullable(joins.get(worker));
    }

    /** Whether {@code NodeRemoved} of {@code worker} was seen. */
    boolean removed(String worker) {
        return removals.containsKey(worker);
    }

    /** The {@code ProvisioningFailed} of {@code worker}, if one was seen. */
    Optional<ProvisioningFailed> failure(String worker) {
        return Optional.ofNullable(failures.get(worker));
    }

    /** Every {@code ProvisionWorkers} command seen so far, in order. */
    List<Seen<ProvisionWorkers>> provisionCommands() {
        return List.copyOf(provisions);
    }

    private void pollUntilClosed() {
        try (consumer) {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL_TIMEOUT)) {
                    Instant seen = Instant.now();
                    if (record.value() != null) {
                        take(record, seen);
                    }
                }
            }
        } catch (WakeupException closing) {
            LOG.debug("Provisioning watch closed");
        } catch (RuntimeException e) {
            LOG.error("Provisioning watch failed; later figures are missing", e);
        }
    }

    private void take(ConsumerRecord<String, byte[]> record, Instant seen) {
        String topic = record.topic();
        if (topic.equals(Topics.PROVISIONING_SAGAS.name())) {
            WorkerSaga saga = sagas.deserialize(topic, record.headers(), record.value());
            sagasByWorker.computeIfAbsent(saga.getWorker(), worker -> new CopyOnWriteArrayList<>()).add(saga);
        } else if (topic.equals(Topics.PROVISIONING_EVENTS.name())) {
            ProvisioningEventEnvelope event = events.deserialize(topic, record.headers(), record.value());
            Instant occurred = event.getHeader().getOccurredAt();
            if (event.getPayload() instanceof NodeJoined joined) {
                joins.putIfAbsent(joined.getWorker(), new Seen<>(joined, seen, occurred));
            } else if (event.getPayload() instanceof NodeRemoved removed) {
                removals.putIfAbsent(removed.getWorker(), new Seen<>(removed, seen, occurred));
            } else if (event.getPayload() instanceof ProvisioningFailed failed) {
                failures.put(failed.getWorker(), failed);
            }
        } else {
            ProvisioningCommandEnvelope command = commands.deserialize(topic, record.headers(), record.value());
            if (command.getPayload() instanceof ProvisionWorkers provision) {
                provisions.add(new Seen<>(provision, seen, command.getHeader().getOccurredAt()));
            }
        }
    }

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
}
