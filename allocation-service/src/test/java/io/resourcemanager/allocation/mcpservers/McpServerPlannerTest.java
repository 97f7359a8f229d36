package io.resourcemanager.allocation.mcpservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpServerPlannerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final McpServerPlanner planner = new McpServerPlanner(TIMEOUT);

    @Test
    void shouldScaleUpAReferencedServerThatIsStopped() {
        McpServerPlan plan = planner.plan(snapshot(Map.of("filesystem", 2), Map.of("filesystem", 0, "github", 0)), T0);

        assertThat(plan.scaleUp()).containsExactly("filesystem");
        assertThat(plan.scaleDown()).isEmpty();
        assertThat(plan.idleSince()).isEmpty();
        assertThat(plan.checkAgainAfter()).isEmpty();
    }

    @Test
    void shouldLeaveAReferencedServerThatAlreadyRunsAlone() {
        McpServerPlan plan = planner.plan(snapshot(Map.of("filesystem", 1, "github", 1),
                Map.of("filesystem", 1, "github", 3)), T0);

        assertThat(plan.isIdle()).isTrue();
    }

    @Test
    void shouldStartTheIdleTimerWhenARunningServerLosesItsLastReference() {
        McpServerPlan plan = planner.plan(snapshot(Map.of("filesystem", 0), Map.of("filesystem", 1)), T0);

        assertThat(plan.isIdle()).isTrue();
        assertThat(plan.idleSince()).containsEntry("filesystem", T0);
        assertThat(plan.checkAgainAfter()).contains(TIMEOUT);
    }

    @Test
    void shouldKeepAnUnreferencedServerRunningUntilTheTimeoutRunsOut() {
        McpServerSnapshot idle = new McpServerSnapshot(Map.of(), Map.of("filesystem", 1), Map.of("filesystem", T0));

        McpServerPlan plan = planner.plan(idle, T0.plus(Duration.ofMinutes(9)));

        assertThat(plan.scaleDown()).isEmpty();
        assertThat(plan.idleSince()).containsEntry("filesystem", T0);
        assertThat(plan.checkAgainAfter()).contains(Duration.ofMinutes(1));
    }

    @Test
    void shouldScaleDownOnceIdleForTheWholeTimeout() {
        McpServerSnapshot idle = new McpServerSnapshot(Map.of(), Map.of("filesystem", 2), Map.of("filesystem", T0));

        McpServerPlan plan = planner.plan(idle, T0.plus(TIMEOUT));

        assertThat(plan.scaleDown()).containsExactly("filesystem");
        assertThat(plan.scaleUp()).isEmpty();
    }

    @Test
    void shouldKeepTheTimerOfAServerItScalesDownSoAFailedScaleDownIsPlannedAgain() {
        McpServerSnapshot idle = new McpServerSnapshot(Map.of(), Map.of("filesystem", 1), Map.of("filesystem", T0));

        McpServerPlan first = planner.plan(idle, T0.plus(TIMEOUT));
        McpServerPlan retry = planner.plan(new McpServerSnapshot(Map.of(), Map.of("filesystem", 1), first.idleSince()),
                T0.plus(TIMEOUT).plusSeconds(5));

        assertThat(retry.scaleDown()).containsExactly("filesystem");
    }

    @Test
    void shouldForgetTheTimerOnceTheServerIsSeenStopped() {
        McpServerSnapshot stopped = new McpServerSnapshot(Map.of(), Map.of("filesystem", 0), Map.of("filesystem", T0));

        McpServerPlan plan = planner.plan(stopped, T0.plus(TIMEOUT).plusSeconds(5));

        assertThat(plan.isIdle()).isTrue();
        assertThat(plan.idleSince()).isEmpty();
    }

    @Test
    void shouldCancelThePendingScaleDownWhenReferencedAgain() {
        McpServerSnapshot reReferenced = new McpServerSnapshot(Map.of("filesystem", 1), Map.of("filesystem", 1),
                Map.of("filesystem", T0));

        McpServerPlan plan = planner.plan(reReferenced, T0.plus(Duration.ofMinutes(11)));

        assertThat(plan.isIdle()).isTrue();
        assertThat(plan.idleSince()).isEmpty();
        assertThat(plan.checkAgainAfter()).isEmpty();
    }

    @Test
    void shouldReportReferencedServersWithoutADeploymentAndCreateNothing() {
        McpServerPlan plan = planner.plan(snapshot(Map.of("slack", 1, "filesystem", 1, "unused", 0),
                Map.of("filesystem", 1)), T0);

        assertThat(plan.unknown()).containsExactly("slack");
        assertThat(plan.scaleUp()).isEmpty();
    }

    @Test
    void shouldTreatNegativeOrNullReferenceCountsAsUnreferenced() {
        Map<String, Integer> references = new HashMap<>();
        references.put("filesystem", -1);
        references.put("github", null);

        McpServerPlan plan = planner.plan(snapshot(references, Map.of("filesystem", 0, "github", 0)), T0);

        assertThat(plan.isIdle()).isTrue();
        assertThat(plan.unknown()).isEmpty();
    }

    @Test
    void shouldCheckAgainWhenTheEarliestTimerRunsOut() {
        McpServerSnapshot idle = new McpServerSnapshot(Map.of(), Map.of("filesystem", 1, "github", 1, "database", 1),
                Map.of("filesystem", T0, "github", T0.plus(Duration.ofMinutes(3))));

        McpServerPlan plan = planner.plan(idle, T0.plus(Duration.ofMinutes(4)));

        assertThat(plan.idleSince()).containsOnlyKeys("filesystem", "github", "database");
        assertThat(plan.checkAgainAfter()).contains(Duration.ofMinutes(6));
    }

    @Test
    void shouldScaleDownAtOnceWithAZeroTimeout() {
        McpServerPlan plan = new McpServerPlanner(Duration.ZERO)
                .plan(snapshot(Map.of(), Map.of("filesystem", 1)), T0);

        assertThat(plan.scaleDown()).containsExactly("filesystem");
    }

    @Test
    void shouldDropTimersOfServersThatNoLongerExist() {
        McpServerSnapshot gone = new McpServerSnapshot(Map.of(), Map.of(), Map.of("filesystem", T0));

        assertThat(planner.plan(gone, T0.plusSeconds(1)).idleSince()).isEmpty();
    }

    @Test
    void shouldRefuseANegativeTimeout() {
        assertThatThrownBy(() -> new McpServerPlanner(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idleTimeout");
    }

    private static McpServerSnapshot snapshot(Map<String, Integer> references, Map<String, Integer> replicas) {
        return new McpServerSnapshot(references, replicas, Map.of());
    }
}
