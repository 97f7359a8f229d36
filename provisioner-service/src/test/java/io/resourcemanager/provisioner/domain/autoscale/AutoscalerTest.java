package io.resourcemanager.provisioner.domain.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoscalerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private final Autoscaler autoscaler = new Autoscaler(AutoscaleSettings.defaults());

    @Test
    void shouldGrowAPoolBelowItsMinimum() {
        assertThat(autoscaler.plan(aPool().min(3).workers(1).build(), NOW))
                .isEqualTo(new ScalePlan.ScaleUp(2, "below the pool's minimum of 3"));
    }

    @Test
    void shouldGrowOnDemandThatLastedTwoMinutes() {
        ScalePlan plan = autoscaler.plan(aPool().workers(2).demand(12, NOW.minusSeconds(120)).build(), NOW);

        assertThat(plan).isInstanceOfSatisfying(ScalePlan.ScaleUp.class, up -> assertThat(up.count()).isEqualTo(3));
    }

    @Test
    void shouldWaitWhileDemandIsYounger() {
        assertThat(autoscaler.plan(aPool().workers(2).demand(12, NOW.minusSeconds(119)).build(), NOW))
                .isInstanceOf(ScalePlan.Hold.class);
    }

    @Test
    void shouldIgnoreDemandBelowTheThreshold() {
        assertThat(autoscaler.plan(aPool().workers(2).demand(4, NOW.minusSeconds(600)).build(), NOW))
                .isInstanceOf(ScalePlan.Hold.class);
    }

    @Test
    void shouldGrowOnUtilisationHighForFiveMinutes() {
        ScalePlan plan = autoscaler.plan(aPool().workers(2).utilisation(0.9, 0.5).highSince(NOW.minusSeconds(300))
                .build(), NOW);

        assertThat(plan).isInstanceOfSatisfying(ScalePlan.ScaleUp.class, up -> assertThat(up.count()).isEqualTo(1));
    }

    @Test
    void shouldNeverGrowBeyondTheMaximum() {
        ScalePlan plan = autoscaler.plan(aPool().max(3).workers(2).demand(50, NOW.minusSeconds(300)).build(), NOW);

        assertThat(plan).isEqualTo(new ScalePlan.ScaleUp(1, "queued demand of 50 for at least 120 s"));
        assertThat(autoscaler.plan(aPool().max(2).workers(2).demand(50, NOW.minusSeconds(300)).build(), NOW))
                .isInstanceOf(ScalePlan.Hold.class);
    }

    @Test
    void shouldHoldDuringTheScaleUpCooldownAndSayForHowLong() {
        ScalePlan plan = autoscaler.plan(aPool().workers(2).demand(10, NOW.minusSeconds(300))
                .lastScaleUp(NOW.minusSeconds(200)).build(), NOW);

        assertThat(plan).isInstanceOfSatisfying(ScalePlan.Hold.class, hold ->
                assertThat(hold.checkAgainAfter()).isEqualTo(Duration.ofSeconds(100)));
    }

    @Test
    void shouldShrinkAtMostAFifthOfThePoolEmptiestFirstSparingWorkersWithAllocations() {
        PoolBuilder pool = aPool().min(0).utilisation(0.1, 0.1);
        for (int i = 0; i < 10; i++) {
            pool.worker("w" + i, i / 10.0, i == 0);
        }

        ScalePlan plan = autoscaler.plan(pool.build(), NOW);

        assertThat(plan).isInstanceOfSatisfying(ScalePlan.ScaleDown.class, down ->
                assertThat(down.nodes()).containsExactly("w1", "w2"));
    }

    @Test
    void shouldNeverShrinkBelowTheMinimumNorTwiceInOneWindow() {
        assertThat(autoscaler.plan(aPool().min(2).workers(2).utilisation(0, 0).build(), NOW))
                .isInstanceOf(ScalePlan.Hold.class);
        assertThat(autoscaler.plan(aPool().min(0).workers(5).utilisation(0, 0)
                .lastScaleDown(NOW.minus(Duration.ofMinutes(29))).build(), NOW))
                .isInstanceOf(ScalePlan.Hold.class);
    }

    @Test
    void shouldNeverShrinkAProtectedPool() {
        assertThat(autoscaler.plan(aPool().min(0).workers(5).utilisation(0, 0).protectedPool().build(), NOW))
                .isEqualTo(new ScalePlan.Hold("over-provisioned, but the pool is protected", Duration.ofSeconds(30)));
    }

    @Test
    void shouldNotTakeAPoolWhoseUsageIsUnknownForIdle() {
        assertThat(autoscaler.plan(aPool().min(0).workers(5).utilisation(0, 0).usageUnknown().build(), NOW))
                .isInstanceOf(ScalePlan.Hold.class);
    }

    @Test
    void shouldNotGrowAgainWhileTheWorkersItAskedForAreStillBeingProvisioned() {
        ScalePlan plan = autoscaler.plan(aPool().workers(4).demand(12, NOW.minusSeconds(900))
                .lastScaleUp(NOW.minusSeconds(400)).provisioningsInFlight(2).build(), NOW);

        assertThat(plan).isInstanceOfSatisfying(ScalePlan.Hold.class, hold ->
                assertThat(hold.reason()).endsWith("but 2 workers asked for are still being provisioned"));
    }

    @Test
    void shouldStillGrowToTheMinimumWhileProvisioningsAreInFlight() {
        assertThat(autoscaler.plan(aPool().min(3).workers(1).provisioningsInFlight(1).build(), NOW))
                .isEqualTo(new ScalePlan.ScaleUp(2, "below the pool's minimum of 3"));
    }

    @Test
    void shouldNeverPickAWorkerThatIsStillJoining() {
        PoolBuilder pool = aPool().min(0).utilisation(0.1, 0.1);
        pool.joiningWorker("new-0");
        for (int i = 1; i < 5; i++) {
            pool.worker("w" + i, i / 10.0, false);
        }

        assertThat(autoscaler.plan(pool.build(), NOW)).isInstanceOfSatisfying(ScalePlan.ScaleDown.class, down ->
                assertThat(down.nodes()).containsExactly("w1"));
    }

    @Test
    void shouldRefuseToGrowAPoolABudgetIsEnforcedOnSayingWhatItWanted() {
        ScalePlan plan = autoscaler.plan(aPool().workers(2).demand(12, NOW.minusSeconds(120))
                .budgetEnforced("Budget pool-burst-monthly is exhausted").build(), NOW);

        ScalePlan.ScaleUp wanted = new ScalePlan.ScaleUp(3, "queued demand of 12 for at least 120 s");
        assertThat(plan).isEqualTo(new ScalePlan.Refused(wanted, "Budget pool-burst-monthly is exhausted",
                Duration.ofSeconds(30)));
    }

    @Test
    void shouldNotEvenRestoreTheMinimumOfAPoolABudgetIsEnforcedOn() {
        assertThat(autoscaler.plan(aPool().min(3).workers(1).budgetEnforced("exhausted").build(), NOW))
                .isInstanceOf(ScalePlan.Refused.class);
    }

    @Test
    void shouldStillShrinkAPoolABudgetIsEnforcedOn() {
        PoolBuilder pool = aPool().min(0).utilisation(0.1, 0.1).budgetEnforced("exhausted");
        for (int i = 1; i < 5; i++) {
            pool.worker("w" + i, i / 10.0, false);
        }

        assertThat(autoscaler.plan(pool.build(), NOW)).isInstanceOf(ScalePlan.ScaleDown.class);
    }

    private static PoolBuilder aPool() {
        return new PoolBuilder();
    }

    /** A burst pool 0..20, idle, empty, unless told otherwise. */
    private static final class PoolBuilder {
        private int min;
        private int max = 20;
        private final List<PoolSnapshot.WorkerLoad> workers = new ArrayList<>();
        private int demand;
        private Instant demandSince;
        private Instant highSince;
        private double cpu = 0.75;
        private double memory = 0.5;
        private Instant lastScaleUp;
        private Instant lastScaleDown;
        private boolean protectedPool;
        private int provisioningsInFlight;
        private boolean usageUnknown;
        private String scaleUpRefusal;

        PoolBuilder min(int value) {
            min = value;
            return this;
        }

        PoolBuilder max(int value) {
            max = value;
            return this;
        }

        PoolBuilder workers(int count) {
            for (int i = 0; i < count; i++) {
                worker("worker-" + i, cpu, false);
            }
            return this;
        }

        PoolBuilder worker(String name, double load, boolean holdsAllocations) {
            workers.add(new PoolSnapshot.WorkerLoad(name, load, holdsAllocations));
            return this;
        }

        PoolBuilder joiningWorker(String name) {
            workers.add(new PoolSnapshot.WorkerLoad(name, 0, false, true));
            return this;
        }

        PoolBuilder protectedPool() {
            protectedPool = true;
            return this;
        }

        PoolBuilder provisioningsInFlight(int count) {
            provisioningsInFlight = count;
            return this;
        }

        PoolBuilder budgetEnforced(String reason) {
            scaleUpRefusal = reason;
            return this;
        }

        PoolBuilder usageUnknown() {
            usageUnknown = true;
            return this;
        }

        PoolBuilder demand(int value, Instant since) {
            demand = value;
            demandSince = since;
            return this;
        }

        PoolBuilder utilisation(double cpuShare, double memoryShare) {
            cpu = cpuShare;
            memory = memoryShare;
            return this;
        }

        PoolBuilder highSince(Instant since) {
            highSince = since;
            return this;
        }

        PoolBuilder lastScaleUp(Instant when) {
            lastScaleUp = when;
            return this;
        }

        PoolBuilder lastScaleDown(Instant when) {
            lastScaleDown = when;
            return this;
        }

        PoolSnapshot build() {
            return new PoolSnapshot("burst", min, max, workers, demandSince, demand, highSince, cpu, memory,
                    lastScaleUp, lastScaleDown,
                    new PoolSnapshot.Restraints(protectedPool, provisioningsInFlight, usageUnknown, scaleUpRefusal));
        }
    }
}
