package io.resourcemanager.provisioner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadlineExtensionTest {

    private static final Instant JOINED = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant DEADLINE = JOINED.plus(Duration.ofHours(4));
    private static final String WORKER = "worker-burst-001";

    @Test
    void shouldRelabelTheNodeWithTheNewDeadlineAndLifetime() {
        Instant extended = DEADLINE.plus(Duration.ofHours(2));

        DeadlineExtension decision = DeadlineExtension.decide(WORKER, extended, Optional.of(aBurstWorker()), false);

        assertThat(decision).isEqualTo(new DeadlineExtension.Relabel(WORKER, Map.of(
                WorkerLabels.TTL, Long.toString(extended.getEpochSecond()), WorkerLabels.TTL_HOURS, "6")));
    }

    @Test
    void shouldRoundAnExtensionThatEndsWithinAnHourUpToTheWholeHour() {
        Instant extended = DEADLINE.plus(Duration.ofMinutes(90));

        DeadlineExtension decision = DeadlineExtension.decide(WORKER, extended, Optional.of(aBurstWorker()), false);

        assertThat(((DeadlineExtension.Relabel) decision).labels()).containsEntry(WorkerLabels.TTL_HOURS, "6");
    }

    @Test
    void shouldIgnoreAWorkerThatIsGone() {
        DeadlineExtension decision = DeadlineExtension.decide(WORKER, DEADLINE.plus(Duration.ofHours(2)),
                Optional.empty(), false);

        assertThat(decision).isEqualTo(new DeadlineExtension.Ignore(WORKER, "not a known worker"));
    }

    @Test
    void shouldIgnoreAWorkerThatIsBeingRemoved() {
        DeadlineExtension decision = DeadlineExtension.decide(WORKER, DEADLINE.plus(Duration.ofHours(2)),
                Optional.of(aBurstWorker()), true);

        assertThat(decision).isEqualTo(new DeadlineExtension.Ignore(WORKER, "it is being removed"));
    }

    @Test
    void shouldIgnoreAWorkerWithoutTtl() {
        ObservedNode permanent = new ObservedNode("worker-permanent-001", "permanent", "medium", 7_800, 15_360, 0, 100,
                true, true, Map.of("node-pool", "permanent"));

        DeadlineExtension decision = DeadlineExtension.decide(permanent.name(), DEADLINE, Optional.of(permanent), false);

        assertThat(decision).isInstanceOf(DeadlineExtension.Ignore.class);
        assertThat(((DeadlineExtension.Ignore) decision).reason()).contains("no TTL");
    }

    @Test
    void shouldIgnoreAnExtensionTheNodeAlreadyShows() {
        Instant extended = DEADLINE.plus(Duration.ofHours(2));
        ObservedNode relabelled = aBurstWorker(Map.of(WorkerLabels.TTL, Long.toString(extended.getEpochSecond()),
                WorkerLabels.TTL_HOURS, "6"));

        DeadlineExtension decision = DeadlineExtension.decide(WORKER, extended, Optional.of(relabelled), false);

        assertThat(decision).isEqualTo(new DeadlineExtension.Ignore(WORKER, "it already shows this deadline"));
    }

    @Test
    void shouldIgnoreAnOlderExtensionOnceALaterOneIsShown() {
        Instant later = DEADLINE.plus(Duration.ofHours(4));
        ObservedNode relabelled = aBurstWorker(Map.of(WorkerLabels.TTL, Long.toString(later.getEpochSecond()),
                WorkerLabels.TTL_HOURS, "8"));

        DeadlineExtension decision = DeadlineExtension.decide(WORKER, DEADLINE.plus(Duration.ofHours(2)),
                Optional.of(relabelled), false);

        assertThat(decision).isInstanceOf(DeadlineExtension.Ignore.class);
        assertThat(((DeadlineExtension.Ignore) decision).reason()).contains("later deadline");
    }

    private static ObservedNode aBurstWorker() {
        return aBurstWorker(Map.of());
    }

    /** A burst worker that joined at {@link #JOINED} for four hours, with {@code overrides} on its labels. */
    private static ObservedNode aBurstWorker(Map<String, String> overrides) {
        Map<String, String> labels = new HashMap<>(Map.of("node-pool", "burst",
                WorkerLabels.PROVISIONED_AT, Long.toString(JOINED.getEpochSecond()),
                WorkerLabels.TTL, Long.toString(DEADLINE.getEpochSecond()), WorkerLabels.TTL_HOURS, "4",
                WorkerLabels.TTL_LIMIT, Long.toString(JOINED.plus(Duration.ofHours(12)).getEpochSecond())));
        labels.putAll(overrides);
        return new ObservedNode(WORKER, "burst", "small", 3_800, 7_680, 0, 100, true, true, labels);
    }
}
