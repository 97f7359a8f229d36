package io.resourcemanager.provisioner.saga;

import io.resourcemanager.events.DecommissionWorker;
import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.HealthEventEnvelope;
import io.resourcemanager.events.ProvisionWorkers;
import io.resourcemanager.events.ReclaimWorker;
import io.resourcemanager.events.RepairFailed;
import io.resourcemanager.events.RepairLevel;
import io.resourcemanager.events.TtlExpired;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.provisioner.config.PoolCatalog;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.WorkerLabels;
import io.resourcemanager.provisioner.domain.infra.NodeAgent;
import io.resourcemanager.provisioner.domain.saga.RepairChoice;
import io.resourcemanager.provisioner.domain.saga.Sagas;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns requests for work into sagas: provisioning, decommissioning, expiry of temporary workers
 * (after their grace), reclaimed spot workers (drained within the notice, then replaced) and repairs.
 * Saga ids derive from the request, so a request seen twice starts one saga.
 */
@Singleton
public class WorkOrders {

    private static final Logger LOG = LoggerFactory.getLogger(WorkOrders.class);
    private static final Duration RECLAIM_MARGIN = Duration.ofSeconds(30);

    private final SagaRunner runner;
    private final WorkerDirectory workers;
    private final PoolCatalog catalog;
    private final NodeAgent agent;
    private final EventPublisher publisher;
    private final SagaHeaders headers;
    private final Clock clock;

    WorkOrders(SagaRunner runner, WorkerDirectory workers, PoolCatalog catalog, NodeAgent agent,
               EventPublisher publisher, SagaHeaders headers, Clock clock) {
        this.runner = runner;
        this.workers = workers;
        this.catalog = catalog;
        this.agent = agent;
        this.publisher = publisher;
        this.headers = headers;
        this.clock = clock;
    }

    /** Provisions the workers a command asks for; returns their sagas. */
    public List<WorkerSaga> provision(ProvisionWorkers command) {
        if (catalog.pool(command.getPool()).isEmpty() || catalog.template(command.getTemplate()).isEmpty()) {
            LOG.warn("Ignoring command {}: pool {} or template {} is not configured", command.getCommandId(),
                    command.getPool(), command.getTemplate());
            return List.of();
        }
        Instant now = clock.instant();
        return java.util.stream.IntStream.range(0, command.getCount())
                .mapToObj(index -> runner.start(Sagas.provision(
                        Sagas.workerName(command.getPool(), command.getCommandId(), index), command.getPool(),
                        command.getTemplate(), command.getTtlHours(), command.getCommandId(), command.getReason(), now)))
                .toList();
    }

    /** Decommissions one worker; a protected one only when forced. */
    public Optional<WorkerSaga> decommission(DecommissionWorker command) {
        Optional<ObservedNode> worker = workers.find(command.getNode());
        if (worker.isEmpty()) {
            LOG.info("Nothing to remove for command {}: {} is not a known worker", command.getCommandId(), command.getNode());
            return Optional.empty();
        }
        if (isProtected(worker.get()) && !command.getForce()) {
            LOG.warn("Refusing command {}: {} is protected and the command is not forced", command.getCommandId(),
                    command.getNode());
            return Optional.empty();
        }
        return Optional.of(runner.start(decommissionOf(worker.get(), command.getCommandId(), command.getReason())
                .withDrain(command.getForce(), null)));
    }

    /** Drains a worker that stays (maintenance). */
    public Optional<WorkerSaga> drain(String node, String commandId, String reason) {
        return workers.find(node).map(worker -> runner.start(Sagas.drain(worker.name(), worker.pool(),
                worker.template(), WorkerLabels.vmId(worker.labels()).orElse(null), commandId, reason, clock.instant())));
    }

    /** Retires a temporary worker whose TTL expired, once its grace period has passed. */
    public Optional<WorkerSaga> expire(TtlExpired expired, EventHeader cause) {
        Optional<ObservedNode> worker = workers.find(expired.getSubjectId());
        if (worker.isEmpty() || isProtected(worker.get())) {
            LOG.info("Ignoring expiry of {}: {}", expired.getSubjectId(), worker.isEmpty() ? "not a known worker" : "protected");
            return Optional.empty();
        }
        String commandId = "ttl-" + expired.getSubjectId() + "-" + expired.getDeadline().toEpochMilli();
        Instant graceEnds = cause.getOccurredAt().plusSeconds(expired.getGraceSeconds());
        return Optional.of(runner.start(decommissionOf(worker.get(), commandId,
                "TTL expired (" + expired.getReason().name().toLowerCase(java.util.Locale.ROOT) + ")")
                .waitingUntil(graceEnds)));
    }

    /** A spot worker is being taken back: drain within the notice, remove it, provision a replacement. */
    public Optional<WorkerSaga> reclaim(ReclaimWorker notice) {
        Optional<ObservedNode> worker = workers.find(notice.getNode());
        if (worker.isEmpty() || isProtected(worker.get())) {
            LOG.warn("Ignoring reclaim notice {} for {}", notice.getCommandId(), notice.getNode());
            return Optional.empty();
        }
        Duration beforeNotice = Duration.ofSeconds(notice.getGraceSeconds()).minus(RECLAIM_MARGIN);
        Duration drainTime = beforeNotice.isNegative() ? Duration.ofSeconds(1) : beforeNotice;
        return Optional.of(runner.start(decommissionOf(worker.get(), notice.getCommandId(), notice.getReason())
                .withDrain(true, drainTime)
                .withReplacement(Sagas.workerName(worker.get().pool(), notice.getCommandId(), 0))));
    }

    /** Carries out one rung of the repair ladder, or tells the health service why not. */
    public Optional<WorkerSaga> repair(String repairId, String node, String level, String reason, String commandId) {
        Optional<ObservedNode> worker = workers.find(node);
        if (worker.isEmpty()) {
            refuseRepair(repairId, node, level, "unknown worker " + node);
            return Optional.empty();
        }
        ObservedNode target = worker.get();
        WorkerSaga.RepairOrder order = new WorkerSaga.RepairOrder(repairId, level, node);
        Integer vmId = WorkerLabels.vmId(target.labels()).orElse(null);
        RepairChoice choice = RepairChoice.of(level, isProtected(target), agent.available());
        if (choice instanceof RepairChoice.Run run) {
            return Optional.of(runner.start(Sagas.repair(run.kind(), order, target.name(), target.pool(),
                    target.template(), vmId, commandId, reason, clock.instant())));
        }
        if (choice instanceof RepairChoice.Replace) {
            return Optional.of(runner.start(decommissionOf(target, commandId, "replace: " + reason)
                    .withDrain(true, null).withRepair(order)
                    .withReplacement(Sagas.workerName(target.pool(), repairId, 0))));
        }
        refuseRepair(repairId, node, level, ((RepairChoice.Refuse) choice).reason());
        return Optional.empty();
    }

    private WorkerSaga decommissionOf(ObservedNode worker, String commandId, String reason) {
        return Sagas.decommission(worker.name(), worker.pool(), worker.template(),
                WorkerLabels.vmId(worker.labels()).orElse(null), commandId, reason, clock.instant());
    }

    private boolean isProtected(ObservedNode worker) {
        return worker.isProtected() || catalog.pool(worker.pool()).map(pool -> pool.protectedPool()).orElse(false);
    }

    private void refuseRepair(String repairId, String node, String level, String reason) {
        LOG.warn("Repair {} of {} ({}) not carried out: {}", repairId, node, level, reason);
        RepairFailed failed = RepairFailed.newBuilder().setRepairId(repairId).setNode(node)
                .setLevel(RepairLevel.valueOf(level)).setReason(reason).setRetriable(false).build();
        EventHeader header = EventHeaders.first(headers.producer(), clock);
        Outgoing.publishAll(publisher, List.of(new Outgoing<>(Topics.HEALTH_EVENTS, node,
                HealthEventEnvelope.newBuilder().setHeader(header).setPayload(failed).build())));
    }
}
