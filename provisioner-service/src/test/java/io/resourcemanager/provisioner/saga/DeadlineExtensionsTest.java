package io.resourcemanager.provisioner.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resourcemanager.events.SubjectType;
import io.resourcemanager.events.TtlExtended;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.WorkerLabels;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import io.resourcemanager.provisioner.domain.saga.Sagas;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import io.resourcemanager.provisioner.testing.Fault;
import io.resourcemanager.provisioner.testing.FakeClusterNodes;
import io.resourcemanager.provisioner.testing.Operation;
import io.resourcemanager.topics.EventHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DeadlineExtensionsTest {

    private static final Instant JOINED = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant DEADLINE = JOINED.plus(Duration.ofHours(4));
    private static final Instant EXTENDED = DEADLINE.plus(Duration.ofHours(2));
    private static final Clock CLOCK = Clock.fixed(JOINED.plus(Duration.ofHours(3)), ZoneOffset.UTC);
    private static final ObservedNode WORKER = new ObservedNode("worker-burst-001", "burst", "small", 3_800, 7_680, 0,
            100, true, true, Map.of("node-pool", "burst",
            WorkerLabels.PROVISIONED_AT, Long.toString(JOINED.getEpochSecond()),
            WorkerLabels.TTL, Long.toString(DEADLINE.getEpochSecond()), WorkerLabels.TTL_HOURS, "4"));

    private final FakeClusterNodes cluster = new FakeClusterNodes().add(WORKER);
    private final List<ObservedNode> relabelled = new CopyOnWriteArrayList<>();

    @Test
    void shouldLabelTheNodeWithTheNewDeadlineAndAnnounceItsState() {
        extensions(noSagas()).apply(extension());

        Map<String, String> labels = cluster.find(WORKER.name()).orElseThrow().labels();
        assertThat(labels).containsEntry(WorkerLabels.TTL, Long.toString(EXTENDED.getEpochSecond()))
                .containsEntry(WorkerLabels.TTL_HOURS, "6").containsEntry("node-pool", "burst");
        assertThat(relabelled).extracting(node -> node.labels().get(WorkerLabels.TTL))
                .containsExactly(Long.toString(EXTENDED.getEpochSecond()));
    }

    @Test
    void shouldThrowARetriableFailureSoTheEventIsSeenAgain() {
        cluster.failNext(Operation.RELABEL, Fault.retriable("API server unavailable"));
        DeadlineExtensions extensions = extensions(noSagas());

        assertThatThrownBy(() -> extensions.apply(extension())).isInstanceOf(InfraException.Retriable.class);
        assertThat(relabelled).isEmpty();

        extensions.apply(extension());
        assertThat(relabelled).hasSize(1);
    }

    @Test
    void shouldDropAnExtensionTheClusterRefusesForGood() {
        cluster.failNext(Operation.RELABEL, Fault.permanent("forbidden"));

        extensions(noSagas()).apply(extension());

        assertThat(cluster.find(WORKER.name()).orElseThrow().labels())
                .containsEntry(WorkerLabels.TTL, Long.toString(DEADLINE.getEpochSecond()));
        assertThat(relabelled).isEmpty();
    }

    @Test
    void shouldLeaveAWorkerThatIsBeingRemovedAlone() {
        WorkerSaga removal = Sagas.decommission(WORKER.name(), "burst", "small", 105, "ttl-cmd", "TTL expired",
                CLOCK.instant());
        SagaStore sagas = new SagaStore(null, Map.of(removal.sagaId(),
                SagaRecords.toRecord(removal, EventHeaders.first("test", CLOCK))), saga -> null);

        extensions(sagas).apply(extension());

        assertThat(cluster.calls()).doesNotContain("relabel " + WORKER.name());
        assertThat(relabelled).isEmpty();
    }

    @Test
    void shouldLeaveAWorkerTheInventoryDoesNotKnowAlone() {
        new DeadlineExtensions(cluster, List::of, noSagas(), announcements()).apply(extension());

        assertThat(cluster.calls()).isEmpty();
        assertThat(relabelled).isEmpty();
    }

    private DeadlineExtensions extensions(SagaStore sagas) {
        return new DeadlineExtensions(cluster, () -> List.of(WORKER), sagas, announcements());
    }

    private static SagaStore noSagas() {
        return new SagaStore(null, Map.of(), saga -> null);
    }

    private WorkerAnnouncements announcements() {
        return new WorkerAnnouncements() {
            @Override
            public void joined(WorkerSaga saga) {
                throw new AssertionError("no joins expected");
            }

            @Override
            public void removed(WorkerSaga saga) {
                throw new AssertionError("no removals expected");
            }

            @Override
            public void relabelled(ObservedNode node) {
                relabelled.add(node);
            }
        };
    }

    private static TtlExtended extension() {
        return TtlExtended.newBuilder().setSubjectId(WORKER.name()).setSubjectType(SubjectType.WORKER)
                .setPreviousDeadline(DEADLINE).setNewDeadline(EXTENDED).setExtensionsUsed(1).setRequestId("ext-1")
                .build();
    }
}
