package io.resourcemanager.health.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthJudgeTest {

    static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Test
    void shouldJudgeAReadyNodeWithoutPressureHealthy() {
        assertThat(HealthJudge.judge(List.of(ready("True"), condition("DiskPressure", "False")), 0))
                .isEqualTo(Health.HEALTHY);
    }

    @Test
    void shouldJudgeANodeThatIsNotReadyOrUnknownUnhealthy() {
        assertThat(HealthJudge.judge(List.of(ready("False")), 0)).isEqualTo(Health.UNHEALTHY);
        assertThat(HealthJudge.judge(List.of(ready("Unknown")), 0)).isEqualTo(Health.UNHEALTHY);
    }

    @Test
    void shouldJudgeAReadyNodeUnderPressureDegraded() {
        for (String pressure : HealthJudge.PRESSURE_CONDITIONS) {
            assertThat(HealthJudge.judge(List.of(ready("True"), condition(pressure, "True")), 0))
                    .as(pressure).isEqualTo(Health.DEGRADED);
        }
    }

    @Test
    void shouldJudgeAReadyNodeWithACrashLoopingKubeletDegraded() {
        assertThat(HealthJudge.judge(List.of(ready("True")), 3)).isEqualTo(Health.DEGRADED);
        assertThat(HealthJudge.judge(List.of(ready("True")), 2)).isEqualTo(Health.HEALTHY);
    }

    @Test
    void shouldJudgeOddConditionsUnknown() {
        assertThat(HealthJudge.judge(List.of(), 0)).isEqualTo(Health.UNKNOWN);
        assertThat(HealthJudge.judge(List.of(condition("DiskPressure", "False")), 0)).isEqualTo(Health.UNKNOWN);
        assertThat(HealthJudge.judge(List.of(ready("Maybe")), 0)).isEqualTo(Health.UNKNOWN);
        assertThat(HealthJudge.judge(List.of(ready("")), 0)).isEqualTo(Health.UNKNOWN);
        assertThat(HealthJudge.judge(List.of(new Condition("Ready", "True", null, null)), 0)).isEqualTo(Health.UNKNOWN);
        assertThat(HealthJudge.judge(List.of(ready("True"), ready("False")), 0)).isEqualTo(Health.UNKNOWN);
        assertThat(HealthJudge.oddity(List.of(ready("True"), condition("DiskPressure", "Sometimes"))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("DiskPressure", "Sometimes"));
    }

    @Test
    void shouldIgnoreOddConditionsOfTypesItDoesNotJudge() {
        assertThat(HealthJudge.judge(List.of(ready("True"), new Condition("KernelDeadlock", "", null, null)), 0))
                .isEqualTo(Health.HEALTHY);
    }

    @Test
    void shouldTreatReadyAsUnknownSinceTheHeartbeatOnceTheHeartbeatIsStale() {
        Instant heartbeat = T0.plusSeconds(100);

        NodeSnapshot fresh = HealthJudge.snapshot(List.of(ready("True")), heartbeat, 0, heartbeat.plus(TIMEOUT), TIMEOUT);
        NodeSnapshot stale = HealthJudge.snapshot(List.of(ready("True")), heartbeat, 0,
                heartbeat.plus(TIMEOUT).plusSeconds(1), TIMEOUT);

        assertThat(fresh.health()).isEqualTo(Health.HEALTHY);
        assertThat(stale.health()).isEqualTo(Health.UNHEALTHY);
        assertThat(stale.conditions()).containsExactly(new Condition("Ready", "Unknown", "HeartbeatStale", heartbeat));
    }

    @Test
    void shouldKeepAReadyConditionThatIsAlreadyNotTrueAsReported() {
        NodeSnapshot snapshot = HealthJudge.snapshot(List.of(ready("Unknown")), T0, 0, T0.plus(Duration.ofHours(1)),
                TIMEOUT);

        assertThat(snapshot.conditions()).containsExactly(ready("Unknown"));
    }

    @Test
    void shouldJudgeAReadyNodeWithoutHeartbeatUnknown() {
        NodeSnapshot snapshot = HealthJudge.snapshot(List.of(ready("True")), null, 0, T0, TIMEOUT);

        assertThat(snapshot.health()).isEqualTo(Health.UNKNOWN);
        assertThat(snapshot.oddity()).contains("heartbeat");
    }

    @Test
    void shouldCountAFrequentRestartConditionAsAtLeastTheFirstCrashLoopThreshold() {
        List<Condition> looping = List.of(ready("True"), condition("FrequentContainerdRestart", "True"));

        assertThat(HealthJudge.snapshot(looping, T0, 0, T0, TIMEOUT).kubeletRestarts()).isEqualTo(3);
        assertThat(HealthJudge.snapshot(looping, T0, 5, T0, TIMEOUT).kubeletRestarts()).isEqualTo(5);
        assertThat(HealthJudge.snapshot(List.of(ready("True")), T0, 1, T0, TIMEOUT).kubeletRestarts()).isEqualTo(1);
    }

    static Condition ready(String status) {
        return condition("Ready", status);
    }

    static Condition condition(String type, String status) {
        return new Condition(type, status, "Because", T0);
    }
}
