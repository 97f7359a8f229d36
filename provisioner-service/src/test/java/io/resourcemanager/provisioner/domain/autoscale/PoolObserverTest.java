package io.resourcemanager.provisioner.domain.autoscale;

import static io.resourcemanager.provisioner.domain.autoscale.AutoscaleFixtures.BURST;
import static io.resourcemanager.provisioner.domain.autoscale.AutoscaleFixtures.PERMANENT;
import static io.resourcemanager.provisioner.domain.autoscale.AutoscaleFixtures.decommissioning;
import static io.resourcemanager.provisioner.domain.autoscale.AutoscaleFixtures.medium;
import static io.resourcemanager.provisioner.domain.autoscale.AutoscaleFixtures.provisioning;
import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.PoolSpec;
import io.resourcemanager.provisioner.domain.infra.ClusterMetrics.NodeUsage;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PoolObserverTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private final PoolObserver observer = new PoolObserver(AutoscaleSettings.defaults());

    @Test
    void shouldCountKnownWorkersAndThoseOnTheirWayButNotThoseLeaving() {
        PoolSnapshot snapshot = observer.observe(facts(BURST)
                .worker(medium("burst-a", "burst")).worker(medium("burst-b", "burst")).worker(medium("spot-a", "spot"))
                .saga(decommissioning("burst-b", "burst", "c1", T0))
                .saga(provisioning("burst-c", "burst", "autoscale-burst-up-0", T0))
                .holding("burst-a")
                .build(), T0);

        assertThat(snapshot.workers()).containsExactly(
                new PoolSnapshot.WorkerLoad("burst-a", 1.0, true, false),
                new PoolSnapshot.WorkerLoad("burst-c", 0, false, true));
        assertThat(snapshot.restraints().provisioningsInFlight()).isEqualTo(1);
        assertThat(snapshot.lastScaleUp()).isEqualTo(T0);
        assertThat(snapshot.lastScaleDown()).isEqualTo(T0);
    }

    @Test
    void shouldTrackSinceWhenQueuedAllocationsAndPendingPodsTogetherReachTheThreshold() {
        assertThat(observer.observe(facts(BURST).demand(3, 1).build(), T0).demandSince()).isNull();

        PoolSnapshot reached = observer.observe(facts(BURST).demand(3, 2).build(), T0.plusSeconds(1));
        PoolSnapshot held = observer.observe(facts(BURST).demand(5, 0).build(), T0.plusSeconds(90));
        PoolSnapshot dropped = observer.observe(facts(BURST).demand(4, 0).build(), T0.plusSeconds(91));

        assertThat(reached.demand()).isEqualTo(5);
        assertThat(reached.demandSince()).isEqualTo(T0.plusSeconds(1));
        assertThat(held.demandSince()).isEqualTo(T0.plusSeconds(1));
        assertThat(dropped.demandSince()).isNull();
    }

    @Test
    void shouldHoldThePermanentPoolToItsLowerTargets() {
        Map<String, NodeUsage> seventyFivePercentCpu = Map.of("p-1", new NodeUsage(5_850, 1_000));

        PoolSnapshot permanent = observer.observe(facts(PERMANENT).worker(medium("p-1", "permanent"))
                .usage(seventyFivePercentCpu).build(), T0);
        PoolSnapshot burst = observer.observe(facts(BURST).worker(medium("p-1", "burst"))
                .usage(seventyFivePercentCpu).build(), T0);

        assertThat(permanent.highUtilisationSince()).isEqualTo(T0);
        assertThat(permanent.restraints().protectedPool()).isTrue();
        assertThat(burst.highUtilisationSince()).isNull();
    }

    @Test
    void shouldNeverCallUnknownUsageHighNorLow() {
        PoolSnapshot snapshot = observer.observe(facts(BURST).worker(medium("burst-a", "burst")).build(), T0);

        assertThat(snapshot.restraints().utilisationUnknown()).isTrue();
        assertThat(snapshot.highUtilisationSince()).isNull();
    }

    private static FactsBuilder facts(PoolSpec pool) {
        return new FactsBuilder(pool);
    }

    private static final class FactsBuilder {
        private final PoolSpec pool;
        private final List<ObservedNode> workers = new ArrayList<>();
        private final List<WorkerSaga> sagas = new ArrayList<>();
        private final Map<String, NodeUsage> usage = new HashMap<>();
        private final List<String> holding = new ArrayList<>();
        private int queued;
        private int pending;

        FactsBuilder(PoolSpec pool) {
            this.pool = pool;
        }

        FactsBuilder worker(ObservedNode node) {
            workers.add(node);
            return this;
        }

        FactsBuilder saga(WorkerSaga saga) {
            sagas.add(saga);
            return this;
        }

        FactsBuilder usage(Map<String, NodeUsage> values) {
            usage.putAll(values);
            return this;
        }

        FactsBuilder holding(String node) {
            holding.add(node);
            return this;
        }

        FactsBuilder demand(int queuedAllocations, int pendingPods) {
            queued = queuedAllocations;
            pending = pendingPods;
            return this;
        }

        PoolFacts build() {
            return new PoolFacts(pool, workers, sagas, usage, queued, pending, Set.copyOf(holding));
        }
    }
}
