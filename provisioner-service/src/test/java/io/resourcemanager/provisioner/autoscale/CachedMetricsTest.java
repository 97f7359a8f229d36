package io.resourcemanager.provisioner.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.MutableClock;
import io.resourcemanager.provisioner.domain.infra.ClusterMetrics;
import io.resourcemanager.provisioner.testing.Fault;
import io.resourcemanager.provisioner.testing.FakeClusterMetrics;
import io.resourcemanager.provisioner.testing.Operation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CachedMetricsTest {

    private final MutableClock clock = new MutableClock(Events.T0);
    private final FakeClusterMetrics cluster = new FakeClusterMetrics();
    private final CachedMetrics metrics = new CachedMetrics(cluster, Duration.ofSeconds(15), clock);

    @Test
    void shouldReadTheClusterOncePerRefreshPeriod() {
        cluster.use("burst-a", 1_000, 2_000).pending("", 2);
        assertThat(metrics.current().pendingPods()).isEqualTo(Map.of("", 2));

        cluster.use("burst-a", 7_000, 2_000).pending("", 6);
        clock.advance(Duration.ofSeconds(14));

        assertThat(metrics.current().usage()).containsEntry("burst-a", new ClusterMetrics.NodeUsage(1_000, 2_000));

        clock.advance(Duration.ofSeconds(1));

        assertThat(metrics.current().usage()).containsEntry("burst-a", new ClusterMetrics.NodeUsage(7_000, 2_000));
        assertThat(metrics.current().pendingPods()).isEqualTo(Map.of("", 6));
    }

    @Test
    void shouldKeepTheLastReadingsThroughAFailureButNeverActOnStaleOnes() {
        cluster.use("burst-a", 1_000, 2_000);
        metrics.current();
        cluster.failNext(Operation.NODE_USAGE, 3, Fault.retriable("metrics server unavailable"));

        clock.advance(Duration.ofSeconds(15));
        assertThat(metrics.current().usage()).containsKey("burst-a");

        clock.advance(Duration.ofSeconds(30));
        assertThat(metrics.current().usage()).containsKey("burst-a");

        clock.advance(Duration.ofSeconds(1));
        assertThat(metrics.current().usage()).isEmpty();
    }
}
