package io.resourcemanager.provisioner.domain.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resourcemanager.provisioner.domain.infra.DrainResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SagaProgressTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final SagaPolicy policy = SagaPolicy.defaults();
    private final SagaProgress progress = new SagaProgress(policy);

    private static WorkerSaga provisioning() {
        return Sagas.provision("burst-0a1b2c3d", "burst", "small", 4, "cmd-1", "operator", T0);
    }

    @Test
    void shouldWalkAProvisioningThroughEveryStepAndSucceed() {
        WorkerSaga saga = provisioning();
        List<SagaStep> seen = new ArrayList<>();
        List<SagaFact> facts = new ArrayList<>();
        while (!saga.finished()) {
            seen.add(saga.step());
            StepOutcome outcome = saga.step() == SagaStep.CLONE ? new StepOutcome.Cloned(105) : new StepOutcome.Done();
            SagaTransition transition = progress.advance(saga, outcome, T0.plusSeconds(seen.size()));
            facts.addAll(transition.facts());
            saga = transition.next();
        }
        assertThat(seen).containsExactlyElementsOf(SagaKind.PROVISION.steps());
        assertThat(saga.status()).isEqualTo(SagaStatus.SUCCEEDED);
        assertThat(saga.vmId()).isEqualTo(105);
        assertThat(facts).hasSize(SagaKind.PROVISION.steps().size() + 1);
        assertThat(facts.get(facts.size() - 1)).isInstanceOf(SagaFact.Succeeded.class);
    }

    @Test
    void shouldRetryARetriableFailureWithGrowingPausesThenCompensate() {
        WorkerSaga saga = provisioning();
        List<Duration> pauses = new ArrayList<>();
        for (int attempt = 0; attempt < policy.maxRetries(); attempt++) {
            SagaTransition retry = progress.advance(saga, new StepOutcome.Failed(true, "503"), T0.plusSeconds(attempt));
            assertThat(retry.next().step()).isEqualTo(SagaStep.CLONE);
            assertThat(retry.facts()).isEmpty();
            pauses.add(retry.pause());
            saga = retry.next();
        }
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        SagaTransition giveUp = progress.advance(saga, new StepOutcome.Failed(true, "503"), T0.plusSeconds(10));
        assertThat(giveUp.next().status()).isEqualTo(SagaStatus.COMPENSATING);
        assertThat(giveUp.next().step()).isEqualTo(SagaStep.DELETE_NODE);
        assertThat(giveUp.next().failedStep()).isEqualTo(SagaStep.CLONE);
    }

    @Test
    void shouldCompensateAPermanentFailureAtOnceAndReportItCompensated() {
        WorkerSaga saga = atStep(provisioning(), SagaStep.START);
        SagaTransition failure = progress.advance(saga, new StepOutcome.Failed(false, "403 Permission check failed"),
                T0.plusSeconds(5));
        saga = failure.next();
        assertThat(saga.status()).isEqualTo(SagaStatus.COMPENSATING);
        List<SagaFact> facts = new ArrayList<>();
        while (!saga.finished()) {
            SagaTransition transition = progress.advance(saga, new StepOutcome.Done(), T0.plusSeconds(6));
            facts.addAll(transition.facts());
            saga = transition.next();
        }
        assertThat(saga.status()).isEqualTo(SagaStatus.FAILED);
        SagaFact.Failed failed = (SagaFact.Failed) facts.get(facts.size() - 1);
        assertThat(failed.step()).isEqualTo(SagaStep.START);
        assertThat(failed.compensated()).isTrue();
        assertThat(failed.reason()).contains("403");
        assertThat(facts).filteredOn(SagaFact.StepCompleted.class::isInstance)
                .extracting(fact -> ((SagaFact.StepCompleted) fact).step())
                .containsExactlyElementsOf(SagaKind.COMPENSATION);
    }

    @Test
    void shouldWaitOutAnOpenCircuitWithoutSpendingTheStepsRetries() {
        WorkerSaga saga = atStep(provisioning(), SagaStep.CLONE);
        for (int wait = 0; wait < 10; wait++) {
            SagaTransition transition = progress.advance(saga,
                    new StepOutcome.Failed(true, "circuit open", Duration.ofSeconds(6)), T0.plusSeconds(wait * 6L));
            assertThat(transition.pause()).isEqualTo(Duration.ofSeconds(6));
            saga = transition.next();
            assertThat(saga.stepAttempt()).isZero();
            assertThat(saga.status()).isEqualTo(SagaStatus.RUNNING);
        }
        SagaTransition late = progress.advance(saga, new StepOutcome.Failed(true, "circuit open", Duration.ofSeconds(6)),
                T0.plus(policy.timeout(SagaStep.CLONE)));
        assertThat(late.next().status()).isEqualTo(SagaStatus.COMPENSATING);
    }

    @Test
    void shouldNotRetryAStepWhoseTimeoutHasPassed() {
        WorkerSaga saga = atStep(provisioning(), SagaStep.JOIN);
        Instant late = saga.stepStartedAt().plus(policy.timeout(SagaStep.JOIN));
        SagaTransition transition = progress.advance(saga, new StepOutcome.Failed(true, "node not Ready"), late);
        assertThat(transition.next().status()).isEqualTo(SagaStatus.COMPENSATING);
        assertThat(transition.next().failure()).contains("JOIN did not finish within 300 s");
    }

    @Test
    void shouldKeepRetryingCompensationUntilItsStepTimesOutThenReportNotCompensated() {
        WorkerSaga saga = progress.advance(atStep(provisioning(), SagaStep.BOOT),
                new StepOutcome.Failed(false, "boot failed"), T0).next();
        saga = progress.advance(saga, new StepOutcome.Done(), T0).next();
        saga = progress.advance(saga, new StepOutcome.Done(), T0).next();
        assertThat(saga.step()).isEqualTo(SagaStep.DELETE_VM);
        for (int attempt = 0; attempt < 10; attempt++) {
            saga = progress.advance(saga, new StepOutcome.Failed(true, "circuit open"), T0.plusSeconds(attempt)).next();
            assertThat(saga.status()).isEqualTo(SagaStatus.COMPENSATING);
        }
        SagaTransition end = progress.advance(saga, new StepOutcome.Failed(true, "circuit open"),
                T0.plus(policy.timeout(SagaStep.DELETE_VM)));
        SagaFact.Failed failed = (SagaFact.Failed) end.facts().get(0);
        assertThat(failed.compensated()).isFalse();
        assertThat(failed.step()).isEqualTo(SagaStep.BOOT);
        assertThat(failed.reason()).contains("boot failed").contains("DELETE_VM");
    }

    @Test
    void shouldStopADecommissionWhoseDrainLeftPodsUnlessForced() {
        WorkerSaga saga = Sagas.decommission("burst-1", "burst", "small", 106, "cmd-2", "ttl expired", T0);
        saga = progress.advance(saga, new StepOutcome.Done(), T0).next();
        StepOutcome partial = new StepOutcome.Drained(new DrainResult(3, List.of("jobs/trainer-0")));

        SagaTransition stopped = progress.advance(saga, partial, T0.plusSeconds(600));
        assertThat(stopped.next().status()).isEqualTo(SagaStatus.FAILED);
        assertThat(((SagaFact.Failed) stopped.facts().get(0)).reason()).contains("jobs/trainer-0");

        SagaTransition forced = progress.advance(saga.withDrain(true, null), partial, T0.plusSeconds(600));
        assertThat(forced.next().step()).isEqualTo(SagaStep.DELETE_NODE);
    }

    @Test
    void shouldRefuseToAdvanceAFinishedSaga() {
        WorkerSaga saga = progress.advance(atStep(provisioning(), SagaStep.LABEL), new StepOutcome.Done(), T0).next();
        assertThat(saga.status()).isEqualTo(SagaStatus.SUCCEEDED);
        WorkerSaga finished = saga;
        assertThatThrownBy(() -> progress.advance(finished, new StepOutcome.Done(), T0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldNameWorkersOfOneCommandTheSameWayEveryTime() {
        assertThat(Sagas.workerName("burst", "cmd-9", 0)).isEqualTo(Sagas.workerName("burst", "cmd-9", 0))
                .matches("burst-[0-9a-f]{8}")
                .isNotEqualTo(Sagas.workerName("burst", "cmd-9", 1));
    }

    private static WorkerSaga atStep(WorkerSaga saga, SagaStep step) {
        return saga.atStep(SagaStatus.RUNNING, step, saga.updatedAt());
    }
}
