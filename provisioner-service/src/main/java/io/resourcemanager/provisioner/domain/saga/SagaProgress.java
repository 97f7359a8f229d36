package io.resourcemanager.provisioner.domain.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a saga does after one attempt at its current step: move on, retry after a pause,
 * compensate (a failed provisioning removes whatever it created) or stop. Pure: no I/O, time passed in.
 */
public final class SagaProgress {

    private final SagaPolicy policy;

    public SagaProgress(SagaPolicy policy) {
        this.policy = policy;
    }

    /** The transition of {@code saga} after {@code outcome} of its current step, observed at {@code now}. */
    public SagaTransition advance(WorkerSaga saga, StepOutcome outcome, Instant now) {
        if (saga.finished()) {
            throw new IllegalStateException("Saga " + saga.sagaId() + " is already " + saga.status());
        }
        if (outcome instanceof StepOutcome.Failed failed) {
            return afterFailure(saga, failed, now);
        }
        if (outcome instanceof StepOutcome.Drained drained && !drained.result().complete() && !saga.force()) {
            return afterFailure(saga, new StepOutcome.Failed(false, drained.result().remaining().size()
                    + " pods could not be evicted before the drain timeout: " + drained.result().remaining()
                    + " (not forced; the node stays cordoned)"), now);
        }
        return afterSuccess(saga, outcome, now);
    }

    private SagaTransition afterSuccess(WorkerSaga saga, StepOutcome outcome, Instant now) {
        WorkerSaga done = outcome instanceof StepOutcome.Cloned cloned ? saga.withVmId(cloned.vmId()) : saga;
        List<SagaFact> facts = new ArrayList<>();
        facts.add(new SagaFact.StepCompleted(done, saga.step(), outcome));
        List<SagaStep> steps = saga.status() == SagaStatus.COMPENSATING ? SagaKind.COMPENSATION : saga.kind().steps();
        int index = steps.indexOf(saga.step());
        if (index + 1 < steps.size()) {
            return new SagaTransition(done.atStep(saga.status(), steps.get(index + 1), now), facts, Duration.ZERO);
        }
        if (saga.status() == SagaStatus.COMPENSATING) {
            WorkerSaga failed = done.atStep(SagaStatus.FAILED, saga.step(), now);
            facts.add(new SagaFact.Failed(failed, failed.failedStep(), failed.failure(), false, true));
            return new SagaTransition(failed, facts, Duration.ZERO);
        }
        WorkerSaga succeeded = done.atStep(SagaStatus.SUCCEEDED, saga.step(), now);
        facts.add(new SagaFact.Succeeded(succeeded));
        return new SagaTransition(succeeded, facts, Duration.ZERO);
    }

    private SagaTransition afterFailure(WorkerSaga saga, StepOutcome.Failed failed, Instant now) {
        Duration timeout = policy.timeout(saga.step());
        boolean timedOut = !now.isBefore(saga.stepStartedAt().plus(timeout));
        boolean compensating = saga.status() == SagaStatus.COMPENSATING;
        if (failed.retriable() && !timedOut && failed.retryAfter() != null) {
            return new SagaTransition(saga.pausing(now), List.of(), failed.retryAfter());
        }
        if (failed.retriable() && !timedOut && (compensating || saga.stepAttempt() < policy.maxRetries())) {
            WorkerSaga retry = saga.retrying(now);
            return new SagaTransition(retry, List.of(), policy.backoff(retry.stepAttempt()));
        }
        String reason = timedOut
                ? saga.step() + " did not finish within " + timeout.toSeconds() + " s: " + failed.reason()
                : failed.reason();
        if (compensating) {
            WorkerSaga stopped = saga.atStep(SagaStatus.FAILED, saga.step(), now);
            String why = saga.failure() + "; removing what was created failed at " + saga.step() + ": " + reason;
            return new SagaTransition(stopped,
                    List.of(new SagaFact.Failed(stopped, saga.failedStep(), why, failed.retriable(), false)), Duration.ZERO);
        }
        if (saga.kind() == SagaKind.PROVISION) {
            WorkerSaga undo = saga.failing(SagaStatus.COMPENSATING, SagaKind.COMPENSATION.get(0), reason, now);
            return new SagaTransition(undo, List.of(), Duration.ZERO);
        }
        WorkerSaga stopped = saga.failing(SagaStatus.FAILED, saga.step(), reason, now);
        return new SagaTransition(stopped,
                List.of(new SagaFact.Failed(stopped, saga.step(), reason, failed.retriable(), false)), Duration.ZERO);
    }
}
