package io.resourcemanager.health.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthJudgeTest {

    @Test
    void shouldJudgeAReadyNodeWithoutPressureHealthy() {
        assertThat(HealthJudge.judge(List.of(ready("True"), condition("DiskPressure", "False"))))
                .isEqualTo(Health.HEALTHY);
    }

    @Test
    void shouldJudgeANodeThatIsNotReadyOrUnknownUnhealthy() {
        assertThat(HealthJudge.judge(List.of(ready("False")))).isEqualTo(Health.UNHEALTHY);
        assertThat(HealthJudge.judge(List.of(ready("Unknown")))).isEqualTo(Health.UNHEALTHY);
        assertThat(HealthJudge.judge(List.of())).isEqualTo(Health.UNHEALTHY);
    }

    @Test
    void shouldJudgeAReadyNodeUnderPressureDegraded() {
        for (String pressure : HealthJudge.PRESSURE_CONDITIONS) {
            assertThat(HealthJudge.judge(List.of(ready("True"), condition(pressure, "True"))))
                    .as(pressure).isEqualTo(Health.DEGRADED);
        }
    }

    @Test
    void shouldReportAChangeOnlyWhenHealthChanges() {
        HealthTracker tracker = new HealthTracker();

        assertThat(tracker.observe("n1", Health.HEALTHY))
                .contains(new HealthTracker.HealthChange("n1", Optional.empty(), Health.HEALTHY));
        assertThat(tracker.observe("n1", Health.HEALTHY)).isEmpty();
        assertThat(tracker.observe("n1", Health.UNHEALTHY))
                .contains(new HealthTracker.HealthChange("n1", Optional.of(Health.HEALTHY), Health.UNHEALTHY));
    }

    @Test
    void shouldTreatAForgottenNodeAsNew() {
        HealthTracker tracker = new HealthTracker();
        tracker.observe("n1", Health.HEALTHY);
        tracker.forget("n1");

        assertThat(tracker.observe("n1", Health.HEALTHY)).isPresent();
    }

    private static Condition ready(String status) {
        return condition("Ready", status);
    }

    private static Condition condition(String type, String status) {
        return new Condition(type, status, null, null);
    }
}
