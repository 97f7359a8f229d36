package io.resourcemanager.provisioner.saga;

import io.resourcemanager.events.EventHeader;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.KafkaProperties;
import io.resourcemanager.kafka.RegistryProperties;
import io.resourcemanager.kafka.TopicSnapshot;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable state of every saga, kept on the compacted {@code rm.provisioning.sagas} topic and read
 * back on start. A saga's events are acknowledged by Kafka before its new state is, so after a crash
 * a saga resumes at a step whose events may repeat but are never lost.
 */
@Singleton
public class SagaStore {

    private static final Logger LOG = LoggerFactory.getLogger(SagaStore.class);
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(60);

    private final EventPublisher publisher;
    private final Function<WorkerSaga, EventHeader> headers;
    private final Map<String, WorkerSaga> sagas = new ConcurrentHashMap<>();

    @Inject
    SagaStore(EventPublisher publisher, KafkaProperties kafka, RegistryProperties registry, SagaHeaders headers) {
        this(publisher, TopicSnapshot.read(Topics.PROVISIONING_SAGAS, kafka.bootstrapServers(), registry.settings(),
                SNAPSHOT_TIMEOUT), headers::of);
    }

    SagaStore(EventPublisher publisher, Map<String, io.resourcemanager.state.WorkerSaga> stored,
              Function<WorkerSaga, EventHeader> headers) {
        this.publisher = publisher;
        this.headers = headers;
        stored.forEach((id, record) -> {
            try {
                sagas.put(id, SagaRecords.fromRecord(record));
            } catch (IllegalArgumentException e) {
                LOG.warn("Ignoring saga {} this version cannot read: {}", id, e.getMessage());
            }
        });
        LOG.info("Saga store holds {} sagas, {} unfinished", sagas.size(), active().size());
    }

    /** Publishes {@code events}, then the saga's new state; returns once Kafka acknowledged both. */
    public void save(WorkerSaga saga, List<Outgoing<?>> events) {
        if (!events.isEmpty()) {
            Outgoing.publishAll(publisher, events);
        }
        Outgoing.publishAll(publisher, List.of(new Outgoing<>(Topics.PROVISIONING_SAGAS, saga.sagaId(),
                SagaRecords.toRecord(saga, headers.apply(saga)))));
        sagas.put(saga.sagaId(), saga);
    }

    EventPublisher publisher() {
        return publisher;
    }

    public Optional<WorkerSaga> find(String sagaId) {
        return Optional.ofNullable(sagas.get(sagaId));
    }

    /** Every saga, newest first. */
    public List<WorkerSaga> all() {
        List<WorkerSaga> all = new ArrayList<>(sagas.values());
        all.sort(Comparator.comparing(WorkerSaga::startedAt).reversed().thenComparing(WorkerSaga::sagaId));
        return all;
    }

    /** The sagas that have not finished, oldest first. */
    public List<WorkerSaga> active() {
        return sagas.values().stream().filter(saga -> !saga.finished())
                .sorted(Comparator.comparing(WorkerSaga::startedAt).thenComparing(WorkerSaga::sagaId))
                .toList();
    }

    /** The unfinished saga working on {@code worker}, if any. */
    public Optional<WorkerSaga> activeFor(String worker) {
        return active().stream().filter(saga -> saga.worker().equals(worker)).findFirst();
    }

    /** The workers an unfinished saga is working on: automation other than that saga leaves them alone. */
    public Set<String> inFlightWorkers() {
        return sagas.values().stream().filter(saga -> !saga.finished()).map(WorkerSaga::worker)
                .collect(Collectors.toUnmodifiableSet());
    }
}
