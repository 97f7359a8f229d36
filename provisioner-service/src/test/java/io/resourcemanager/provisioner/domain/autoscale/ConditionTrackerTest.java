package io.resourcemanager.provisioner.domain.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConditionTrackerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    /** At {@code second} the condition {@code holds}; it has then held since second {@code since} (null: not). */
    private record Step(int second, boolean holds, Integer since) {
    }

    @Test
    void shouldTellSinceWhenAConditionHasHeldWithoutInterruption() {
        Step[] steps = {
            new Step(0, false, null),
            new Step(1, true, 1),
            new Step(2, true, 1),
            new Step(60, true, 1),
            new Step(61, false, null),
            new Step(62, true, 62),
            new Step(200, true, 62),
        };
        ConditionTracker tracker = new ConditionTracker();

        for (Step step : steps) {
            Instant since = tracker.observe(step.holds(), T0.plusSeconds(step.second()));

            Instant expected = step.since() == null ? null : T0.plusSeconds(step.since());
            assertThat(since).as("at second %d", step.second()).isEqualTo(expected);
            assertThat(tracker.since()).isEqualTo(expected);
        }
    }

    @Test
    void shouldStartAgainWhenTheClockWentBackBeforeTheStart() {
        ConditionTracker tracker = new ConditionTracker();
        tracker.observe(true, T0.plusSeconds(100));

        assertThat(tracker.observe(true, T0)).isEqualTo(T0);
    }
}
