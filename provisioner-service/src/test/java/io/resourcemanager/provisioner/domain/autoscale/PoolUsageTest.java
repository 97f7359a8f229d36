package io.resourcemanager.provisioner.domain.autoscale;

import static io.resourcemanager.provisioner.domain.autoscale.AutoscaleFixtures.medium;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.resourcemanager.provisioner.domain.infra.ClusterMetrics.NodeUsage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolUsageTest {

    @Test
    void shouldDivideUsageByWhatTheMeasuredWorkersOffer() {
        PoolUsage usage = PoolUsage.of(List.of(medium("a", "burst"), medium("b", "burst"), medium("c", "burst")),
                Map.of("a", new NodeUsage(7_800, 3_072), "b", new NodeUsage(3_900, 12_288)));

        assertThat(usage.cpu()).isCloseTo(0.75, within(1e-9));
        assertThat(usage.memory()).isCloseTo(0.5, within(1e-9));
        assertThat(usage.measuredWorkers()).isEqualTo(2);
        assertThat(usage.unknown()).isFalse();
    }

    @Test
    void shouldSayUsageIsUnknownWhenNoWorkerReportsAny() {
        assertThat(PoolUsage.of(List.of(medium("a", "burst")), Map.of()).unknown()).isTrue();
        assertThat(PoolUsage.of(List.of(), Map.of("a", new NodeUsage(1, 1))).unknown()).isTrue();
    }

    @Test
    void shouldRankAWorkerWithoutMetricsAsFullyLoaded() {
        Map<String, NodeUsage> usage = Map.of("a", new NodeUsage(780, 100));

        assertThat(PoolUsage.cpuOf(medium("a", "burst"), usage)).isCloseTo(0.1, within(1e-9));
        assertThat(PoolUsage.cpuOf(medium("b", "burst"), usage)).isEqualTo(1.0);
    }
}
