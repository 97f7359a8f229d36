package io.resourcemanager.provisioner.domain.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where one worker's provisioning, decommissioning or repair stands. Immutable; every change is a
 * new value, stored durably before the next step runs.
 *
 * @param sagaId unique id; for a provisioning derived from the command, so a repeated command starts nothing twice
 * @param kind what the saga does
 * @param status where it stands
 * @param worker node name (also the VM name)
 * @param pool worker pool
 * @param template worker template, when known
 * @param vmId hypervisor id of the worker's VM, once known
 * @param step the current step (the one to run next, or the one that failed)
 * @param stepAttempt how many times the current step failed and was retried
 * @param commandId the command that started the saga, if any
 * @param reason why the saga runs (operator, autoscaler, TTL, repair...)
 * @param ttlHours lifetime of a temporary worker, or null
 * @param force whether a drain that cannot finish may be cut short
 * @param drainTimeout how long the drain may take, or null for the default
 * @param repair the repair this saga carries out, or null
 * @param replacement worker to provision once this one is gone, or null
 * @param failure why the saga failed or is compensating, or null
 * @param failedStep the step that failed, or null
 * @param notBefore the saga waits until then before its first step, or null
 * @param startedAt when the saga began
 * @param stepStartedAt when the current step began (its timeout counts from here)
 * @param updatedAt when the saga last changed
 */
public record WorkerSaga(String sagaId, SagaKind kind, SagaStatus status, String worker, String pool, String template,
                         Integer vmId, SagaStep step, int stepAttempt, String commandId, String reason,
                         Integer ttlHours, boolean force, Duration drainTimeout, RepairOrder repair,
                         String replacement, String failure, SagaStep failedStep, Instant notBefore, Instant startedAt,
                         Instant stepStartedAt, Instant updatedAt) {

    public WorkerSaga {
        Objects.requireNonNull(sagaId, "sagaId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(stepStartedAt, "stepStartedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * The repair a saga carries out for the health service.
     *
     * @param repairId id of the RepairNeeded decision
     * @param level the rung of the repair ladder, as named by the health service
     * @param node the node under repair (a replacement saga works on another worker)
     */
    public record RepairOrder(String repairId, String level, String node) {
        public RepairOrder {
            Objects.requireNonNull(repairId, "repairId");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(node, "node");
        }
    }

    /** A saga that begins now at the first step of its kind. */
    static WorkerSaga begin(String sagaId, SagaKind kind, String worker, String pool, String template, Integer vmId,
                            String commandId, String reason, Instant now) {
        return new WorkerSaga(sagaId, kind, SagaStatus.RUNNING, worker, pool, template, vmId, kind.steps().get(0), 0,
                commandId, reason, null, false, null, null, null, null, null, null, now, now, now);
    }

    /** This saga for a temporary worker living {@code hours}. */
    public WorkerSaga withTtlHours(Integer hours) {
        return new WorkerSaga(sagaId, kind, status, worker, pool, template, vmId, step, stepAttempt, commandId, reason,
                hours, force, drainTimeout, repair, replacement, failure, failedStep, notBefore, startedAt, stepStartedAt, updatedAt);
    }

    /** This saga, allowed to cut a drain short after {@code timeout} (or the default when null). */
    public WorkerSaga withDrain(boolean forced, Duration timeout) {
        return new WorkerSaga(sagaId, kind, status, worker, pool, template, vmId, step, stepAttempt, commandId, reason,
                ttlHours, forced, timeout, repair, replacement, failure, failedStep, notBefore, startedAt, stepStartedAt, updatedAt);
    }

    /** This saga, waiting until {@code instant} before its first step. */
    public WorkerSaga waitingUntil(Instant instant) {
        return new WorkerSaga(sagaId, kind, status, worker, pool, template, vmId, step, stepAttempt, commandId, reason,
                ttlHours, force, drainTimeout, repair, replacement, failure, failedStep, instant, startedAt,
                stepStartedAt, updatedAt);
    }

    /** This saga carrying out {@code order}. */
    public WorkerSaga withRepair(RepairOrder order) {
        return new WorkerSaga(sagaId, kind, status, worker, pool, template, vmId, step, stepAttempt, commandId, reason,
                ttlHours, force, drainTimeout, order, replacement, failure, failedStep, notBefore, startedAt, stepStartedAt, updatedAt);
    }

    /** This saga, followed by the provisioning of {@code worker} once it succeeded. */
    public WorkerSaga withReplacement(String nextWorker) {
        return new WorkerSaga(sagaId, kind, status, worker, pool, template, vmId, step, stepAttempt, commandId, reason,
                ttlHours, force, drainTimeout, repair, nextWorker, failure, failedStep, notBefore, startedAt, stepStartedAt, updatedAt);
    }

    WorkerSaga withVmId(Integer id) {
        return new WorkerSaga(sagaId, kind, status, worker, pool, template, id, step, stepAttempt, commandId, reason,
                ttlHours, force, drainTimeout, repair, replacement, failure, failedStep, notBefore, startedAt, stepStartedAt, updatedAt);
    }

    WorkerSaga atStep(SagaStatus nextStatus, SagaStep nextStep, Instant now) {
        return new WorkerSaga(sagaId, kind, nextStatus, worker, pool, template, vmId, nextStep, 0, commandId, reason,
                ttlHours, force, drainTimeout, repair, replacement, failure, failedStep, notBefore, startedAt, now, now);
    }

    WorkerSaga retrying(Instant now) {
        return new WorkerSaga(sagaId, kind, status, worker, pool, template, vmId, step, stepAttempt + 1, commandId,
                reason, ttlHours, force, drainTimeout, repair, replacement, failure, failedStep, notBefore, startedAt,
                stepStartedAt, now);
    }

    WorkerSaga pausing(Instant now) {
        return new WorkerSaga(sagaId, kind, status, worker, pool, template, vmId, step, stepAttempt, commandId,
                reason, ttlHours, force, drainTimeout, repair, replacement, failure, failedStep, notBefore, startedAt,
                stepStartedAt, now);
    }

    WorkerSaga failing(SagaStatus nextStatus, SagaStep nextStep, String why, Instant now) {
        return new WorkerSaga(sagaId, kind, nextStatus, worker, pool, template, vmId, nextStep, 0, commandId, reason,
                ttlHours, force, drainTimeout, repair, replacement, why, step, notBefore, startedAt, now, now);
    }

    /**
     * This saga as it leaves the queue at {@code now}: a saga that has not begun its first step starts
     * that step's clock now, so time spent waiting for a free place does not count against its timeout.
     */
    public WorkerSaga admitted(Instant now) {
        boolean notBegun = status == SagaStatus.RUNNING && stepAttempt == 0 && step == kind.steps().get(0);
        return notBegun ? atStep(status, step, now) : this;
    }

    /** Whether the saga has nothing left to do. */
    public boolean finished() {
        return status.finished();
    }
}
