package io.resourcemanager.provisioner.saga;

import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.ProvisioningStep;
import io.resourcemanager.events.RepairLevel;
import io.resourcemanager.provisioner.domain.saga.SagaKind;
import io.resourcemanager.provisioner.domain.saga.SagaStatus;
import io.resourcemanager.provisioner.domain.saga.SagaStep;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** Maps sagas to and from their durable form on {@code rm.provisioning.sagas}. */
final class SagaRecords {

    private SagaRecords() {
    }

    /** A header for an event of {@code saga}: correlated by the command that started it. */
    static EventHeader header(WorkerSaga saga, String producer, Clock clock) {
        return EventHeader.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setCorrelationId(saga.commandId() != null ? saga.commandId() : saga.sagaId())
                .setCausationId(saga.commandId())
                .setProducer(producer)
                .build();
    }

    static ProvisioningStep step(SagaStep step) {
        return step == null ? null : ProvisioningStep.valueOf(step.name());
    }

    static io.resourcemanager.state.WorkerSaga toRecord(WorkerSaga saga, EventHeader header) {
        return io.resourcemanager.state.WorkerSaga.newBuilder()
                .setHeader(header)
                .setSagaId(saga.sagaId())
                .setKind(io.resourcemanager.state.SagaKind.valueOf(saga.kind().name()))
                .setStatus(io.resourcemanager.state.SagaStatus.valueOf(saga.status().name()))
                .setWorker(saga.worker())
                .setPool(saga.pool())
                .setTemplate(saga.template())
                .setVmId(saga.vmId())
                .setStep(step(saga.step()))
                .setStepAttempt(saga.stepAttempt())
                .setCommandId(saga.commandId())
                .setReason(saga.reason())
                .setTtlHours(saga.ttlHours())
                .setForce(saga.force())
                .setDrainTimeoutSeconds(saga.drainTimeout() == null ? null : saga.drainTimeout().toSeconds())
                .setRepairId(saga.repair() == null ? null : saga.repair().repairId())
                .setRepairLevel(saga.repair() == null ? RepairLevel.UNKNOWN : RepairLevel.valueOf(saga.repair().level()))
                .setRepairNode(saga.repair() == null ? null : saga.repair().node())
                .setReplacement(saga.replacement())
                .setFailure(saga.failure())
                .setFailedStep(step(saga.failedStep()))
                .setNotBefore(saga.notBefore())
                .setStartedAt(saga.startedAt())
                .setStepStartedAt(saga.stepStartedAt())
                .setUpdatedAt(saga.updatedAt())
                .build();
    }

    static WorkerSaga fromRecord(io.resourcemanager.state.WorkerSaga stored) {
        Long drainSeconds = stored.getDrainTimeoutSeconds();
        return new WorkerSaga(stored.getSagaId(), SagaKind.valueOf(stored.getKind().name()),
                SagaStatus.valueOf(stored.getStatus().name()), stored.getWorker(), stored.getPool(),
                stored.getTemplate(), stored.getVmId(), SagaStep.valueOf(stored.getStep().name()),
                stored.getStepAttempt(), stored.getCommandId(), stored.getReason(), stored.getTtlHours(),
                stored.getForce(), drainSeconds == null ? null : Duration.ofSeconds(drainSeconds),
                stored.getRepairId() == null ? null
                        : new WorkerSaga.RepairOrder(stored.getRepairId(), stored.getRepairLevel().name(),
                                stored.getRepairNode() == null ? stored.getWorker() : stored.getRepairNode()),
                stored.getReplacement(), stored.getFailure(),
                stored.getFailedStep() == null ? null : SagaStep.valueOf(stored.getFailedStep().name()),
                stored.getNotBefore(), stored.getStartedAt(), stored.getStepStartedAt(), stored.getUpdatedAt());
    }
}
