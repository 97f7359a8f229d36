package io.resourcemanager.provisioner.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.provisioner.domain.infra.VmInfo;
import io.resourcemanager.provisioner.domain.saga.SagaStatus;
import io.resourcemanager.provisioner.domain.saga.Sagas;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import io.resourcemanager.provisioner.testing.FakeInfrastructure;
import io.resourcemanager.provisioner.testing.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The provisioner dies right after a step took effect in the outside world but before its new state
 * was stored; a new process reads the saga back from Kafka, repeats that step and finishes — with
 * exactly one VM and one announcement.
 */
class SagaRecoveryIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeAll
    static void topics() {
        SagaHarness.ensureTopics();
    }

    @ParameterizedTest(name = "crash after {0}")
    @EnumSource(value = Operation.class, names = {"CLONE", "CONFIGURE", "START", "AWAIT_NODE", "LABEL"})
    void shouldFinishASagaInterruptedByACrashWithoutDuplicates(Operation crashPoint) {
        FakeInfrastructure infra = new FakeInfrastructure();
        if (crashPoint == Operation.AWAIT_NODE || crashPoint == Operation.LABEL) {
            infra.nodes().crashAfter(crashPoint);
        } else {
            infra.hypervisor().crashAfter(crashPoint);
        }
        String command = UUID.randomUUID().toString();
        WorkerSaga saga = Sagas.provision(Sagas.workerName("burst", command, 0), "burst", "small", 2, command,
                "test", Instant.now());

        try (SagaHarness first = new SagaHarness(infra, SagaHarness.fastProperties())) {
            first.runner.start(saga);
            Awaitility.await().atMost(WAIT).until(() -> !first.runner.isRunning(saga.sagaId()));
            assertThat(first.store.find(saga.sagaId()).orElseThrow().finished()).as("stopped by the crash").isFalse();
        }

        try (SagaHarness restarted = new SagaHarness(infra, SagaHarness.fastProperties())) {
            assertThat(restarted.store.find(saga.sagaId())).as("read back from Kafka").isPresent();
            restarted.runner.resumeAll();
            WorkerSaga done = Awaitility.await().atMost(WAIT)
                    .until(() -> restarted.store.find(saga.sagaId()).orElseThrow(), WorkerSaga::finished);

            assertThat(done.status()).isEqualTo(SagaStatus.SUCCEEDED);
            assertThat(infra.hypervisor().vms()).filteredOn(vm -> vm.name().equals(saga.worker())).singleElement()
                    .satisfies(vm -> assertThat(vm.power()).isEqualTo(VmInfo.VmPower.RUNNING));
            assertThat(restarted.announcements.joined).containsExactly(saga.worker());
            assertThat(restarted.store.active()).isEmpty();
        }
    }
}
