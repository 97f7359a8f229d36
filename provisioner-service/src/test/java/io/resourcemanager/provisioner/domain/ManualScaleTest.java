package io.resourcemanager.provisioner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.provisioner.domain.autoscale.PoolSnapshot.WorkerLoad;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManualScaleTest {

    private static final PoolSpec BURST = new PoolSpec("burst", 0, 20, Duration.ofHours(4), Duration.ofHours(12), null,
            Map.of(), List.of(), false);
    private static final PoolSpec PERMANENT = new PoolSpec("permanent", 3, 10, null, null, null, Map.of(), List.of(), true);

    private static final List<WorkerLoad> THREE = List.of(
            new WorkerLoad("burst-a", 0.50, false),
            new WorkerLoad("burst-b", 0.05, true),
            new WorkerLoad("burst-c", 0.10, false));

    @Test
    void shouldProvisionTheMissingWorkersCountingThoseOnTheirWay() {
        assertThat(ManualScale.plan(BURST, 6, THREE, 1, false)).isEqualTo(new ManualScale.Grow(4, 2));
    }

    @Test
    void shouldRemoveTheEmptiestWorkersWithoutAllocationsFirst() {
        assertThat(ManualScale.plan(BURST, 1, THREE, 0, false))
                .isEqualTo(new ManualScale.Shrink(3, List.of("burst-c", "burst-a")));
    }

    @Test
    void shouldRemoveWorkersHoldingAllocationsOnlyWhenNothingElseIsLeft() {
        assertThat(ManualScale.plan(BURST, 0, THREE, 0, false))
                .isEqualTo(new ManualScale.Shrink(3, List.of("burst-c", "burst-a", "burst-b")));
    }

    @Test
    void shouldChangeNothingAtTheCurrentSize() {
        assertThat(ManualScale.plan(BURST, 3, THREE, 0, false)).isEqualTo(new ManualScale.Unchanged(3));
    }

    @Test
    void shouldRefuseCountsOutsideThePoolsBoundsNamingTheLimit() {
        assertThat(ManualScale.plan(BURST, 21, THREE, 0, false)).isInstanceOfSatisfying(ManualScale.OutOfBounds.class,
                refusal -> assertThat(refusal.reason()).contains("maximum").contains("20"));
        assertThat(ManualScale.plan(PERMANENT, 2, THREE, 0, true)).isInstanceOfSatisfying(ManualScale.OutOfBounds.class,
                refusal -> assertThat(refusal.reason()).contains("minimum").contains("3"));
    }

    @Test
    void shouldRefuseToGrowAPoolABudgetIsEnforcedOnNamingTheReason() {
        Optional<String> enforced = Optional.of("Budget pool-burst-monthly is exhausted");

        assertThat(ManualScale.plan(BURST, 6, THREE, 0, false, enforced))
                .isEqualTo(new ManualScale.Refused("Budget pool-burst-monthly is exhausted"));
    }

    @Test
    void shouldStillShrinkOrKeepAPoolABudgetIsEnforcedOn() {
        Optional<String> enforced = Optional.of("Budget pool-burst-monthly is exhausted");

        assertThat(ManualScale.plan(BURST, 1, THREE, 0, false, enforced))
                .isEqualTo(new ManualScale.Shrink(3, List.of("burst-c", "burst-a")));
        assertThat(ManualScale.plan(BURST, 3, THREE, 0, false, enforced)).isEqualTo(new ManualScale.Unchanged(3));
        assertThat(ManualScale.plan(BURST, 21, THREE, 0, false, enforced)).isInstanceOf(ManualScale.OutOfBounds.class);
    }

    @Test
    void shouldShrinkAProtectedPoolOnlyWhenForced() {
        List<WorkerLoad> four = List.of(new WorkerLoad("p-1", 0.1, false), new WorkerLoad("p-2", 0.2, false),
                new WorkerLoad("p-3", 0.3, false), new WorkerLoad("p-4", 0.4, false));
        assertThat(ManualScale.plan(PERMANENT, 3, four, 0, false)).isInstanceOf(ManualScale.Protected.class);
        assertThat(ManualScale.plan(PERMANENT, 3, four, 0, true)).isEqualTo(new ManualScale.Shrink(4, List.of("p-1")));
        assertThat(ManualScale.plan(PERMANENT, 5, four, 0, false)).isEqualTo(new ManualScale.Grow(4, 1));
    }
}
