package io.resourcemanager.provisioner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerLabelsTest {

    private static final Instant JOINED = Instant.parse("2026-03-01T08:00:00Z");
    private static final PoolSpec BURST = new PoolSpec("burst", 0, 20, Duration.ofHours(4), Duration.ofHours(12), null,
            Map.of("node-pool", "burst", "worker-type", "burst"), List.of("workload-type=burst:NoSchedule"), false);
    private static final PoolSpec PERMANENT = new PoolSpec("permanent", 3, 10, null, null, null,
            Map.of("node-pool", "permanent"), List.of(), true);

    @Test
    void shouldGiveABurstWorkerItsDeadlineLifetimeAndTheLimitOfThePoolsMaxTtl() {
        Map<String, String> labels = WorkerLabels.of(BURST, "small", 105, 2, JOINED);

        assertThat(labels).containsEntry("node-pool", "burst").containsEntry("worker-type", "burst")
                .containsEntry(WorkerLabels.TEMPLATE, "small").containsEntry(WorkerLabels.VM_ID, "105")
                .containsEntry(WorkerLabels.PROVISIONED_AT, seconds(JOINED))
                .containsEntry(WorkerLabels.TTL, seconds(JOINED.plus(Duration.ofHours(2))))
                .containsEntry(WorkerLabels.TTL_HOURS, "2")
                .containsEntry(WorkerLabels.TTL_LIMIT, seconds(JOINED.plus(Duration.ofHours(12))));
        assertThat(WorkerLabels.limit(labels)).contains(JOINED.plus(Duration.ofHours(12)));
        assertThat(WorkerLabels.deadline(labels)).contains(JOINED.plus(Duration.ofHours(2)));
    }

    @Test
    void shouldCountTheLimitFromTheJoinWhenTheWorkerGetsThePoolsDefaultTtl() {
        Map<String, String> labels = WorkerLabels.of(BURST, "small", null, null, JOINED);

        assertThat(labels).containsEntry(WorkerLabels.TTL_HOURS, "4").doesNotContainKey(WorkerLabels.VM_ID);
        assertThat(WorkerLabels.limit(labels)).contains(JOINED.plus(Duration.ofHours(12)));
    }

    @Test
    void shouldGiveAPermanentWorkerNoTtlLabelsAtAll() {
        Map<String, String> labels = WorkerLabels.of(PERMANENT, "medium", 101, null, JOINED);

        assertThat(labels).doesNotContainKeys(WorkerLabels.TTL, WorkerLabels.PROVISIONED_AT, WorkerLabels.TTL_HOURS,
                WorkerLabels.TTL_LIMIT);
        assertThat(WorkerLabels.limit(labels)).isEmpty();
    }

    @Test
    void shouldLeaveTheLimitOutWhenThePoolHasNoMaxTtl() {
        PoolSpec unbounded = new PoolSpec("batch", 0, 5, Duration.ofHours(4), null, null, Map.of("node-pool", "batch"),
                List.of(), false);

        Map<String, String> labels = WorkerLabels.of(unbounded, "small", 7, null, JOINED);

        assertThat(labels).containsKey(WorkerLabels.TTL).doesNotContainKey(WorkerLabels.TTL_LIMIT);
    }

    @Test
    void shouldReadNoLimitFromALabelThatIsNotANumber() {
        assertThat(WorkerLabels.limit(Map.of(WorkerLabels.TTL_LIMIT, "soon"))).isEmpty();
    }

    @Test
    void shouldMoveTheDeadlineAndCountTheLifetimeInWholeHoursRoundedUp() {
        Map<String, String> labels = WorkerLabels.of(BURST, "small", 105, 2, JOINED);

        assertThat(WorkerLabels.extendedTo(labels, JOINED.plus(Duration.ofHours(4))))
                .containsExactlyInAnyOrderEntriesOf(Map.of(WorkerLabels.TTL, seconds(JOINED.plus(Duration.ofHours(4))),
                        WorkerLabels.TTL_HOURS, "4"));
        assertThat(WorkerLabels.extendedTo(labels, JOINED.plus(Duration.ofMinutes(4 * 60 + 1))))
                .containsEntry(WorkerLabels.TTL_HOURS, "5");
        assertThat(WorkerLabels.extendedTo(labels, JOINED.plus(Duration.ofHours(4)).plusMillis(999)))
                .containsEntry(WorkerLabels.TTL_HOURS, "4");
    }

    @Test
    void shouldMoveOnlyTheDeadlineWhenTheJoinIsUnknown() {
        Instant deadline = JOINED.plus(Duration.ofHours(6));

        assertThat(WorkerLabels.extendedTo(Map.of(WorkerLabels.TTL, seconds(JOINED)), deadline))
                .containsExactlyEntriesOf(Map.of(WorkerLabels.TTL, seconds(deadline)));
    }

    private static String seconds(Instant instant) {
        return Long.toString(instant.getEpochSecond());
    }
}
