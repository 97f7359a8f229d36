package io.resourcemanager.provisioner.autoscale;

import static io.resourcemanager.provisioner.autoscale.Allocations.active;
import static io.resourcemanager.provisioner.autoscale.Allocations.queued;
import static io.resourcemanager.provisioner.autoscale.Allocations.queuedEvent;
import static io.resourcemanager.provisioner.domain.autoscale.AutoscaleFixtures.BURST;
import static io.resourcemanager.provisioner.domain.autoscale.AutoscaleFixtures.PERMANENT;
import static io.resourcemanager.provisioner.domain.autoscale.AutoscaleFixtures.decommissioning;
import static io.resourcemanager.provisioner.domain.autoscale.AutoscaleFixtures.inStatus;
import static io.resourcemanager.provisioner.domain.autoscale.AutoscaleFixtures.medium;
import static io.resourcemanager.provisioner.domain.autoscale.AutoscaleFixtures.provisioning;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.MutableClock;
import io.resourcemanager.provisioner.autoscale.RecordingScaleCommands.Decommission;
import io.resourcemanager.provisioner.autoscale.RecordingScaleCommands.Provision;
import io.resourcemanager.provisioner.budget.EnforcedPools;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.saga.SagaStatus;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import io.resourcemanager.provisioner.testing.FakeClusterMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AutoscaleLoopTest {

    private static final Instant T0 = Events.T0;

    private final MutableClock clock = new MutableClock(T0);
    private final List<ObservedNode> known = new ArrayList<>();
    private final List<WorkerSaga> sagas = new ArrayList<>();
    private final FakeClusterMetrics metrics = new FakeClusterMetrics();
    private final AllocationDemand demand = new AllocationDemand("burst");
    private final RecordingScaleCommands commands = new RecordingScaleCommands();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EnforcedPools budgets = readBudgets();
    private final AutoscaleLoop loop = loopOver(demand);

    @BeforeEach
    void aPermanentPoolAtItsMinimumAndHalfBusy() {
        for (int i = 1; i <= 3; i++) {
            join(medium("permanent-" + i, "permanent"), 0.5);
        }
        demand.caughtUp();
    }

    @Test
    void shouldAskForAWorkerOneTickAfterQueuedDemandHeldForTwoMinutesAndNotBefore() {
        queue(5);
        loop.tick();
        tickFor(119);

        assertThat(commands.sent()).isEmpty();

        tickFor(1);

        assertThat(commands.sent()).containsExactly(new Provision("autoscale-burst-up-0", "burst", "medium", 1, null,
                "autoscale: queued demand of 5 for at least 120 s"));
        assertThat(meters.counter(AutoscaleMeters.DECISIONS, "pool", "burst", "direction", "up").count()).isEqualTo(1);
    }

    @Test
    void shouldAskNothingMoreWhileItsCommandBecomesSagasAndTheirWorkersAreProvisioned() {
        queue(10);
        loop.tick();
        tickFor(120);
        Provision provision = (Provision) commands.drain().get(0);
        tickFor(5);
        intakeStarts(provision);

        tickFor(600);

        assertThat(provision.count()).isEqualTo(2);
        assertThat(commands.sent()).isEmpty();
        assertThat(meters.get(AutoscaleMeters.WORKERS).tag("pool", "burst").gauge().value()).isEqualTo(2);
    }

    @Test
    void shouldWaitForTheScaleUpCooldownCountedFromThePoolsLastProvisioning() {
        WorkerSaga earlier = inStatus(provisioning("burst-old", "burst", "operator-1", T0.minusSeconds(100)),
                SagaStatus.SUCCEEDED);
        sagas.add(earlier);
        join(medium("burst-old", "burst"), 0.9);
        queue(5);
        loop.tick();
        tickFor(199);

        assertThat(commands.sent()).isEmpty();

        tickFor(1);

        assertThat(commands.sent()).singleElement().isInstanceOfSatisfying(Provision.class, provision ->
                assertThat(provision.commandId())
                        .isEqualTo("autoscale-burst-up-" + earlier.startedAt().toEpochMilli()));
    }

    @Test
    void shouldRemoveTheEmptiestWorkerThatHoldsNoAllocationOncePerWindow() {
        double[] loads = {0.10, 0.05, 0.50, 0.60, 0.01};
        for (int i = 0; i < loads.length; i++) {
            join(medium("burst-" + (i + 1), "burst"), loads[i]);
        }
        demand.onState("a1", active("a1", "burst-5"));

        loop.tick();

        assertThat(commands.sent()).singleElement().isInstanceOfSatisfying(Decommission.class, down -> {
            assertThat(down.node()).isEqualTo("burst-2");
            assertThat(down.commandId()).isEqualTo("autoscale-burst-down-0-burst-2");
            assertThat(down.reason()).startsWith("autoscale: utilisation CPU 25% / memory");
        });
        assertThat(meters.counter(AutoscaleMeters.DECISIONS, "pool", "burst", "direction", "down").count())
                .isEqualTo(1);

        sagas.add(decommissioning("burst-2", "burst", commands.drain().get(0).commandId(), clock.instant()));
        tickFor(29 * 60);

        assertThat(commands.sent()).isEmpty();
    }

    @Test
    void shouldNeverShrinkTheProtectedPool() {
        join(medium("permanent-4", "permanent"), 0.0);
        join(medium("permanent-5", "permanent"), 0.0);

        loop.tick();
        tickFor(60);

        assertThat(commands.sent()).isEmpty();
    }

    @Test
    void shouldIgnoreQueuedAllocationsAQuotaBlocks() {
        queue(6);
        demand.onEvent("q-1", queuedEvent("q-1", false, T0));
        demand.onEvent("q-2", queuedEvent("q-2", false, T0));

        loop.tick();
        tickFor(600);

        assertThat(commands.sent()).isEmpty();
        assertThat(meters.get(AutoscaleMeters.DEMAND).tag("pool", "burst").gauge().value()).isEqualTo(4);
    }

    @Test
    void shouldCountPodsPendingForNoPoolAsDemandForTheDefaultPool() {
        metrics.pending("", 3).pending("gpu", 7);
        queue(2);

        loop.tick();
        tickFor(120);

        assertThat(commands.sent()).singleElement().isInstanceOfSatisfying(Provision.class, provision ->
                assertThat(provision.pool()).isEqualTo("burst"));
        assertThat(meters.get(AutoscaleMeters.DEMAND).tag("pool", "burst").gauge().value()).isEqualTo(5);
    }

    @Test
    void shouldDecideNothingBeforeTheAllocationViewCaughtUp() {
        known.removeIf(worker -> worker.pool().equals("permanent"));
        AllocationDemand starting = new AllocationDemand("burst");
        AutoscaleLoop early = loopOver(starting);

        early.tick();
        assertThat(commands.sent()).isEmpty();

        starting.caughtUp();
        early.tick();

        assertThat(commands.sent()).singleElement().isInstanceOfSatisfying(Provision.class, provision ->
                assertThat(provision).extracting(Provision::pool, Provision::count).containsExactly("permanent", 3));
    }

    @Test
    void shouldNotGrowAPoolABudgetIsEnforcedOnUntilTheBudgetIsLifted() {
        budgets.enforce("pool-burst-monthly", "burst", "Budget pool-burst-monthly is exhausted");
        queue(5);
        loop.tick();
        tickFor(300);

        assertThat(commands.sent()).isEmpty();

        budgets.lift("pool-burst-monthly");
        tickFor(1);

        assertThat(commands.sent()).singleElement().isInstanceOfSatisfying(Provision.class, provision ->
                assertThat(provision.pool()).isEqualTo("burst"));
    }

    @Test
    void shouldStillShrinkAPoolABudgetIsEnforcedOn() {
        budgets.enforce("pool-burst-monthly", "burst", "Budget pool-burst-monthly is exhausted");
        join(medium("burst-1", "burst"), 0.05);
        join(medium("burst-2", "burst"), 0.10);

        loop.tick();

        assertThat(commands.sent()).singleElement().isInstanceOfSatisfying(Decommission.class, down ->
                assertThat(down.node()).isEqualTo("burst-1"));
    }

    @Test
    void shouldDecideNothingBeforeTheBudgetEnforcementsWereRead() {
        known.removeIf(worker -> worker.pool().equals("permanent"));
        EnforcedPools starting = new EnforcedPools();
        AutoscaleLoop early = loopOver(demand, starting);

        early.tick();
        assertThat(commands.sent()).isEmpty();

        starting.caughtUp();
        early.tick();

        assertThat(commands.sent()).singleElement().isInstanceOfSatisfying(Provision.class, provision ->
                assertThat(provision.pool()).isEqualTo("permanent"));
    }

    @Test
    void shouldSendTheSameDecisionAgainWhenASendFailedOrNoSagaFollowed() {
        queue(5);
        loop.tick();
        tickFor(119);
        commands.failNext(1);
        tickFor(1);

        assertThat(commands.sent()).isEmpty();

        tickFor(1);
        tickFor(59);

        assertThat(commands.sent()).extracting(RecordingScaleCommands.Sent::commandId)
                .containsExactly("autoscale-burst-up-0");

        tickFor(1);

        assertThat(commands.sent()).extracting(RecordingScaleCommands.Sent::commandId)
                .containsExactly("autoscale-burst-up-0", "autoscale-burst-up-0");
    }

    private AutoscaleLoop loopOver(AllocationDemand allocations) {
        return loopOver(allocations, budgets);
    }

    private AutoscaleLoop loopOver(AllocationDemand allocations, EnforcedPools enforced) {
        return new AutoscaleLoop(List.of(new AutoscaledPool(BURST, "medium"), new AutoscaledPool(PERMANENT, "medium")),
                () -> List.copyOf(known), () -> List.copyOf(sagas), metrics, allocations, commands,
                AutoscaleProperties.defaults(), meters, enforced, clock);
    }

    private static EnforcedPools readBudgets() {
        EnforcedPools read = new EnforcedPools();
        read.caughtUp();
        return read;
    }

    private void join(ObservedNode worker, double load) {
        known.add(worker);
        metrics.use(worker.name(), Math.round(worker.cpuMillis() * load), Math.round(worker.memoryMb() * load / 2));
    }

    private void queue(int count) {
        for (int i = 1; i <= count; i++) {
            demand.onState("q-" + i, queued("q-" + i, null));
        }
    }

    /** What the provisioner's work intake does with the command: one provisioning saga per worker. */
    private void intakeStarts(Provision provision) {
        for (int i = 0; i < provision.count(); i++) {
            sagas.add(provisioning(provision.pool(), provision.commandId(), i, clock.instant()));
        }
    }

    private void tickFor(int seconds) {
        for (int i = 0; i < seconds; i++) {
            clock.advance(Duration.ofSeconds(1));
            loop.tick();
        }
    }
}
