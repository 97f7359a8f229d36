package io.resourcemanager.provisioner.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.events.HealthEventEnvelope;
import io.resourcemanager.events.ReclaimWorker;
import io.resourcemanager.events.RepairCompleted;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.saga.SagaStatus;
import io.resourcemanager.provisioner.domain.saga.Sagas;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import io.resourcemanager.provisioner.testing.FakeInfrastructure;
import io.resourcemanager.provisioner.testing.SpecCatalog;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.testkit.RecordCollector;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Removing, draining, expiring and replacing workers through sagas, state on the real broker. */
class DecommissionSagaIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final FakeInfrastructure infra = new FakeInfrastructure();
    private SagaHarness harness;
    private String worker;

    @BeforeAll
    static void topics() {
        SagaHarness.ensureTopics();
    }

    @BeforeEach
    void provisionAWorker() {
        harness = new SagaHarness(infra, SagaHarness.fastProperties());
        String command = UUID.randomUUID().toString();
        WorkerSaga saga = harness.runner.start(Sagas.provision(Sagas.workerName("burst", command, 0), "burst", "small",
                null, command, "test", Instant.now()));
        assertThat(awaitFinished(saga).status()).isEqualTo(SagaStatus.SUCCEEDED);
        worker = saga.worker();
    }

    @AfterEach
    void leaveNothingUnfinished() {
        assertThat(harness.store.active()).as("unfinished sagas").isEmpty();
        harness.close();
    }

    @Test
    void shouldCordonDrainDeleteAndAnnounceTheRemoval() {
        infra.nodes().placePods(worker, "jobs/a", "jobs/b", "jobs/c");
        WorkerSaga done = awaitFinished(harness.runner.start(decommission(false)));

        assertThat(done.status()).isEqualTo(SagaStatus.SUCCEEDED);
        assertThat(infra.hypervisor().vms()).noneMatch(vm -> vm.name().equals(worker));
        assertThat(infra.nodes().find(worker)).isEmpty();
        assertThat(harness.announcements.removed).containsExactly(worker);
        assertThat(infra.timeline()).filteredOn(call -> call.contains(worker) || call.matches(".* \\d+"))
                .containsSubsequence("cordon " + worker, "drain " + worker, "delete node " + worker);
    }

    @Test
    void shouldStopWithTheNodeCordonedWhenABudgetBlocksTheDrainUnlessForced() {
        infra.nodes().placePods(worker, "jobs/db-0").protectByBudget("jobs/db-0");
        WorkerSaga stopped = awaitFinished(harness.runner.start(decommission(false)));

        assertThat(stopped.status()).isEqualTo(SagaStatus.FAILED);
        assertThat(stopped.failure()).contains("jobs/db-0");
        assertThat(infra.nodes().find(worker)).hasValueSatisfying(node -> assertThat(node.schedulable()).isFalse());
        assertThat(infra.hypervisor().vms()).anyMatch(vm -> vm.name().equals(worker));

        WorkerSaga forced = awaitFinished(harness.runner.start(decommission(true)));
        assertThat(forced.status()).isEqualTo(SagaStatus.SUCCEEDED);
        assertThat(infra.hypervisor().vms()).noneMatch(vm -> vm.name().equals(worker));
    }

    @Test
    void shouldWaitForTheGracePeriodBeforeTouchingAnExpiredWorker() {
        Instant graceEnds = Instant.now().plusMillis(1500);
        WorkerSaga saga = harness.runner.start(decommission(false).waitingUntil(graceEnds));

        assertThat(infra.nodes().find(worker)).hasValueSatisfying(node -> assertThat(node.schedulable()).isTrue());
        WorkerSaga done = awaitFinished(saga);
        assertThat(done.status()).isEqualTo(SagaStatus.SUCCEEDED);
        assertThat(done.updatedAt()).isAfterOrEqualTo(graceEnds);
    }

    @Test
    void shouldReplaceASickWorkerAndCloseTheRepairOnce() {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        RegistrySettings registry = RegistrySettings.atBaseAddress(env.registryBaseUrl());
        String repairId = UUID.randomUUID().toString();
        try (EventPublisher publisher = EventPublisher.connect(env.bootstrapServers(), registry, "repair-test");
             RecordCollector<String, HealthEventEnvelope> health = RecordCollector.start(env.bootstrapServers(),
                     List.of(Topics.HEALTH_EVENTS.name()), new StringDeserializer(),
                     Topics.HEALTH_EVENTS.valueSerde(registry).deserializer())) {
            WorkOrders orders = new WorkOrders(harness.runner, this::knownWorkers, SpecCatalog.get(), infra.agent(),
                    publisher, new SagaHeaders("provisioner-test", Clock.systemUTC()), Clock.systemUTC());
            orders.repair(repairId, worker, "REPLACE", "NotReady for 30 min", "repair-" + repairId);

            String replacement = Sagas.workerName("burst", repairId, 0);
            Awaitility.await().atMost(WAIT).until(() -> harness.announcements.joined.contains(replacement)
                    && harness.store.active().isEmpty());
            assertThat(infra.hypervisor().vms()).noneMatch(vm -> vm.name().equals(worker))
                    .anyMatch(vm -> vm.name().equals(replacement));
            assertThat(harness.announcements.removed).containsExactly(worker);
            RepairCompleted completed = (RepairCompleted) health.awaitRecord(record -> record.value().getPayload()
                    instanceof RepairCompleted done && done.getRepairId().equals(repairId), WAIT).value().getPayload();
            assertThat(completed.getNode()).isEqualTo(worker);
        }
    }

    @Test
    void shouldDrainAReclaimedSpotWorkerWithinItsNoticeAndReplaceIt() {
        WorkerSaga spot = harness.runner.start(Sagas.provision(Sagas.workerName("spot", "spot-1-" + worker, 0), "spot",
                "small", null, "spot-1-" + worker, "test", Instant.now()));
        assertThat(awaitFinished(spot).status()).isEqualTo(SagaStatus.SUCCEEDED);
        infra.nodes().placePods(spot.worker(), "jobs/batch-0").protectByBudget("jobs/batch-0");
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        try (EventPublisher publisher = EventPublisher.connect(env.bootstrapServers(),
                RegistrySettings.atBaseAddress(env.registryBaseUrl()), "reclaim-test")) {
            WorkOrders orders = new WorkOrders(harness.runner, this::knownWorkers, SpecCatalog.get(), infra.agent(),
                    publisher, new SagaHeaders("provisioner-test", Clock.systemUTC()), Clock.systemUTC());
            String notice = UUID.randomUUID().toString();
            orders.reclaim(ReclaimWorker.newBuilder().setCommandId(notice).setPool("spot").setNode(spot.worker())
                    .setGraceSeconds(31).setReason("host needs its capacity back").build());

            String replacement = Sagas.workerName("spot", notice, 0);
            Awaitility.await().atMost(WAIT).until(() -> harness.announcements.joined.contains(replacement)
                    && harness.store.active().isEmpty());
            assertThat(harness.announcements.removed).containsExactly(spot.worker());
            assertThat(infra.hypervisor().vms()).noneMatch(vm -> vm.name().equals(spot.worker()))
                    .anyMatch(vm -> vm.name().equals(replacement));
            assertThat(infra.nodes().find(replacement)).hasValueSatisfying(node -> assertThat(node.pool()).isEqualTo("spot"));
        }
    }

    private List<ObservedNode> knownWorkers() {
        return infra.nodes().workers();
    }

    private WorkerSaga decommission(boolean force) {
        return Sagas.decommission(worker, "burst", "small", null, UUID.randomUUID().toString(), "test", Instant.now())
                .withDrain(force, force ? Duration.ofMillis(200) : null);
    }

    private WorkerSaga awaitFinished(WorkerSaga saga) {
        return Awaitility.await().atMost(WAIT).until(() -> harness.store.find(saga.sagaId()).orElseThrow(),
                WorkerSaga::finished);
    }
}
