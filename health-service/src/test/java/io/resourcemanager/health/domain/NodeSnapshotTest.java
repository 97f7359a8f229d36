package io.resourcemanager.health.domain;

import static io.resourcemanager.health.domain.HealthJudgeTest.condition;
import static io.resourcemanager.health.domain.HealthJudgeTest.ready;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeSnapshotTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final HealthTracker tracker = new HealthTracker();

    @Test
    void shouldReportANewNodeWithUnknownPreviousHealth() {
        Optional<HealthTracker.Change> change = tracker.observe("n1", snapshot(List.of(ready("True")), 0));

        assertThat(change).hasValueSatisfying(c -> {
            assertThat(c.previousHealth()).isEqualTo(Health.UNKNOWN);
            assertThat(c.current().health()).isEqualTo(Health.HEALTHY);
        });
    }

    @Test
    void shouldReportNothingWhenNothingWorthTellingChanged() {
        tracker.observe("n1", snapshot(List.of(ready("True"), condition("DiskPressure", "True")), 0));

        Condition reworded = new Condition("DiskPressure", "True", "OtherReason", HealthJudgeTest.T0);
        assertThat(tracker.observe("n1", snapshot(List.of(ready("True"), reworded), 0))).isEmpty();
    }

    @Test
    void shouldReportASignalAddedWhileHealthStaysTheSame() {
        tracker.observe("n1", snapshot(List.of(ready("True"), condition("DiskPressure", "True")), 0));

        Optional<HealthTracker.Change> change = tracker.observe("n1", snapshot(List.of(ready("True"),
                condition("DiskPressure", "True"), condition("MemoryPressure", "True")), 0));

        assertThat(change).hasValueSatisfying(c -> {
            assertThat(c.previousHealth()).isEqualTo(Health.DEGRADED);
            assertThat(c.current().health()).isEqualTo(Health.DEGRADED);
            assertThat(c.current().symptoms()).extracting(NodeSnapshot.Symptom::type)
                    .containsExactlyInAnyOrder("DiskPressure", "MemoryPressure");
        });
    }

    @Test
    void shouldReportASignalRemovedWhileHealthStaysTheSame() {
        tracker.observe("n1", snapshot(List.of(ready("True"), condition("DiskPressure", "True"),
                condition("MemoryPressure", "True")), 0));

        assertThat(tracker.observe("n1", snapshot(List.of(ready("True"), condition("DiskPressure", "True"),
                condition("MemoryPressure", "False")), 0))).isPresent();
    }

    @Test
    void shouldReportASignalWhoseSinceChanged() {
        tracker.observe("n1", snapshot(List.of(ready("False")), 0));

        Condition later = new Condition("Ready", "False", "Because", HealthJudgeTest.T0.plusSeconds(60));
        assertThat(tracker.observe("n1", snapshot(List.of(later), 0))).isPresent();
    }

    @Test
    void shouldReportAChangedRestartCount() {
        tracker.observe("n1", snapshot(List.of(ready("True")), 1));

        assertThat(tracker.observe("n1", snapshot(List.of(ready("True")), 2)))
                .hasValueSatisfying(c -> assertThat(c.current().kubeletRestarts()).isEqualTo(2));
    }

    @Test
    void shouldNotReportAHealthySignalWhoseSinceMoved() {
        tracker.observe("n1", snapshot(List.of(ready("True"), condition("DiskPressure", "False")), 0));

        Condition moved = new Condition("DiskPressure", "False", "Because", HealthJudgeTest.T0.plusSeconds(60));
        assertThat(tracker.observe("n1", snapshot(List.of(ready("True"), moved), 0))).isEmpty();
    }

    @Test
    void shouldReportAgainAfterAnUnpublishedChangeAndKeepThePreviousHealth() {
        tracker.observe("n1", snapshot(List.of(ready("True")), 0));
        NodeSnapshot unhealthy = snapshot(List.of(ready("False")), 0);
        HealthTracker.Change failed = tracker.observe("n1", unhealthy).orElseThrow();

        tracker.unpublished(failed);

        assertThat(tracker.observe("n1", unhealthy))
                .hasValueSatisfying(c -> assertThat(c.previousHealth()).isEqualTo(Health.HEALTHY));
    }

    @Test
    void shouldIgnoreAnUnpublishedChangeThatANewerOneReplaced() {
        tracker.observe("n1", snapshot(List.of(ready("True")), 0));
        HealthTracker.Change failed = tracker.observe("n1", snapshot(List.of(ready("False")), 0)).orElseThrow();
        tracker.observe("n1", snapshot(List.of(ready("Unknown")), 0));

        tracker.unpublished(failed);

        assertThat(tracker.observe("n1", snapshot(List.of(ready("Unknown")), 0))).isEmpty();
    }

    @Test
    void shouldTreatAForgottenNodeAsNew() {
        tracker.observe("n1", snapshot(List.of(ready("True")), 0));
        tracker.forget("n1");

        assertThat(tracker.observe("n1", snapshot(List.of(ready("True")), 0))).isPresent();
    }

    private static NodeSnapshot snapshot(List<Condition> conditions, int restarts) {
        return HealthJudge.snapshot(new ArrayList<>(conditions), NOW, restarts, NOW, TIMEOUT);
    }
}
