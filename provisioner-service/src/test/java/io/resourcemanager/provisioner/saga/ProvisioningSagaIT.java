package io.resourcemanager.provisioner.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.events.ProvisioningEventEnvelope;
import io.resourcemanager.events.ProvisioningFailed;
import io.resourcemanager.provisioner.domain.infra.VmInfo;
import io.resourcemanager.provisioner.domain.saga.SagaStatus;
import io.resourcemanager.provisioner.domain.saga.Sagas;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import io.resourcemanager.provisioner.testing.Fault;
import io.resourcemanager.provisioner.testing.FakeInfrastructure;
import io.resourcemanager.provisioner.testing.Operation;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.testkit.RecordCollector;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Provisioning sagas against the fake infrastructure with their state on the real broker: every
 * injected fault ends either in a joined worker or in a compensated failure — never an orphan VM,
 * never two VMs for one worker.
 */
class ProvisioningSagaIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final FakeInfrastructure infra = new FakeInfrastructure();
    private SagaHarness harness;

    @BeforeAll
    static void topics() {
        SagaHarness.ensureTopics();
    }

    @AfterEach
    void leaveNothingUnfinished() {
        if (harness != null) {
            assertThat(harness.store.active()).as("unfinished sagas").isEmpty();
            harness.close();
        }
    }

    @Test
    void shouldWalkEveryStepPublishAnEventPerStepAndAnnounceTheJoin() {
        harness = new SagaHarness(infra, SagaHarness.fastProperties());
        WorkerSaga saga = provision();
        try (RecordCollector<String, ProvisioningEventEnvelope> events = collectEvents()) {
            WorkerSaga done = awaitFinished(saga);

            assertThat(done.status()).isEqualTo(SagaStatus.SUCCEEDED);
            assertThat(vmsNamed(saga.worker())).singleElement().satisfies(vm -> {
                assertThat(vm.power()).isEqualTo(VmInfo.VmPower.RUNNING);
                assertThat(vm.managed()).isTrue();
                assertThat(vm.pool()).isEqualTo("burst");
            });
            assertThat(infra.nodes().find(saga.worker())).hasValueSatisfying(node -> {
                assertThat(node.pool()).isEqualTo("burst");
                assertThat(node.labels()).containsEntry("ttl-hours", "4").containsKeys("ttl", "provisioned-at");
                assertThat(Long.parseLong(node.labels().get("resource-manager/ttl-limit")))
                        .isEqualTo(Long.parseLong(node.labels().get("provisioned-at")) + 12 * 3_600);
            });
            assertThat(infra.nodes().taints(saga.worker())).containsExactly("workload-type=burst:NoSchedule");
            assertThat(harness.announcements.joined).containsExactly(saga.worker());
            List<String> kinds = Awaitility.await().atMost(WAIT).until(() -> events.records().stream()
                    .filter(record -> saga.worker().equals(record.key()))
                    .map(record -> record.value().getPayload().getClass().getSimpleName()).toList(),
                    found -> found.size() >= 6);
            assertThat(kinds).containsExactly("VmCloned", "ProvisioningStepCompleted", "VmStarted",
                    "ProvisioningStepCompleted", "ProvisioningStepCompleted", "ProvisioningStepCompleted");
        }
    }

    static Stream<Arguments> faults() {
        return Stream.<Arguments>of(
                fault("clone refused permanently", infra -> infra.hypervisor().failNext(Operation.CLONE,
                        Fault.permanent("403 Permission check failed"))),
                fault("clone created a VM and then failed", infra -> infra.hypervisor().failAfterNext(Operation.CLONE,
                        Fault.permanent("clone task failed: disk full"))),
                fault("configure keeps failing", infra -> infra.hypervisor().failNext(Operation.CONFIGURE, 10,
                        Fault.retriable("503 Service Unavailable"))),
                fault("start fails", infra -> infra.hypervisor().failNext(Operation.START,
                        Fault.permanent("start failed: QEMU exited with code 1"))),
                fault("node never joins", infra -> infra.nodes().neverJoinNext()),
                fault("labels refused", infra -> infra.nodes().failNext(Operation.LABEL, 10,
                        Fault.permanent("403 forbidden"))),
                fault("delete refused once during compensation", infra -> {
                    infra.hypervisor().failNext(Operation.START, Fault.permanent("start failed"));
                    infra.hypervisor().failNext(Operation.DELETE_VM, 2, Fault.retriable("VM is locked (clone)"));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void shouldCompensateEveryFailureWithoutLeavingAVmBehind(String name, Consumer<FakeInfrastructure> inject) {
        harness = new SagaHarness(infra, SagaHarness.fastProperties());
        inject.accept(infra);
        WorkerSaga saga = provision();
        try (RecordCollector<String, ProvisioningEventEnvelope> events = collectEvents()) {
            WorkerSaga done = awaitFinished(saga);

            assertThat(done.status()).isEqualTo(SagaStatus.FAILED);
            assertThat(vmsNamed(saga.worker())).as("VMs left behind").isEmpty();
            assertThat(infra.nodes().find(saga.worker())).as("node left behind").isEmpty();
            assertThat(harness.announcements.joined).isEmpty();
            ProvisioningFailed failed = (ProvisioningFailed) events.awaitRecord(record -> saga.worker().equals(record.key())
                    && record.value().getPayload() instanceof ProvisioningFailed, WAIT).value().getPayload();
            assertThat(failed.getCompensated()).isTrue();
            assertThat(failed.getReason()).isNotBlank();
            assertThat(failed.getCommandId()).isEqualTo(saga.commandId());
        }
    }

    @Test
    void shouldRideOutTransientFailuresWithExactlyOneVm() {
        harness = new SagaHarness(infra, SagaHarness.fastProperties());
        infra.hypervisor().failAfterNext(Operation.CLONE, Fault.retriable("answer lost: connection reset"));
        infra.hypervisor().failNext(Operation.START, 2, Fault.retriable("429 Too Many Requests"));
        infra.nodes().failNext(Operation.LABEL, Fault.retriable("409 Conflict"));
        WorkerSaga saga = provision();

        assertThat(awaitFinished(saga).status()).isEqualTo(SagaStatus.SUCCEEDED);
        assertThat(vmsNamed(saga.worker())).hasSize(1);
    }

    @Test
    void shouldRunAtMostTheConfiguredNumberOfProvisioningsAtOnceAndFinishThemAll() {
        harness = new SagaHarness(infra, SagaHarness.fastProperties());
        List<WorkerSaga> sagas = java.util.stream.IntStream.range(0, 12).mapToObj(i -> provision()).toList();

        sagas.forEach(saga -> assertThat(awaitFinished(saga).status()).isEqualTo(SagaStatus.SUCCEEDED));
        assertThat(infra.hypervisor().vms().stream().map(VmInfo::vmId).distinct()).hasSize(12);
        assertThat(infra.hypervisor().vms().stream().map(VmInfo::name).distinct()).hasSize(12);
    }

    private WorkerSaga provision() {
        String command = UUID.randomUUID().toString();
        return harness.runner.start(Sagas.provision(Sagas.workerName("burst", command, 0), "burst", "small", null,
                command, "test", Instant.now()));
    }

    private WorkerSaga awaitFinished(WorkerSaga saga) {
        return Awaitility.await().atMost(WAIT).until(() -> harness.store.find(saga.sagaId()).orElseThrow(),
                WorkerSaga::finished);
    }

    private List<VmInfo> vmsNamed(String name) {
        return infra.hypervisor().vms().stream().filter(vm -> vm.name().equals(name)).toList();
    }

    private static RecordCollector<String, ProvisioningEventEnvelope> collectEvents() {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        return RecordCollector.start(env.bootstrapServers(), List.of(Topics.PROVISIONING_EVENTS.name()),
                new StringDeserializer(), Topics.PROVISIONING_EVENTS.valueSerde(
                        RegistrySettings.atBaseAddress(env.registryBaseUrl())).deserializer());
    }

    private static Arguments fault(String name, Consumer<FakeInfrastructure> inject) {
        return Arguments.of(name, inject);
    }
}
