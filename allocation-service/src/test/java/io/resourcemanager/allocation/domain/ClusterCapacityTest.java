package io.resourcemanager.allocation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterCapacityTest {

    @Test
    void shouldSumOnlyReadySchedulableHealthyNodes() {
        ClusterCapacity capacity = ClusterCapacity.of(List.of(
                node("a", "permanent").build(),
                node("b", "permanent").build(),
                node("c", "permanent").notReady().build(),
                node("d", "burst").cordoned().build(),
                node("e", "burst").unhealthy().build()));

        assertThat(capacity.total()).isEqualTo(new CapacityTotals(15_600, 30_720, 0, 2));
        assertThat(capacity.byPool()).containsOnlyKeys("permanent");
    }

    @Test
    void shouldBreakCapacityDownPerPool() {
        ClusterCapacity capacity = ClusterCapacity.of(List.of(
                node("a", "permanent").build(),
                node("g", "gpu").withGpu(1).build()));

        assertThat(capacity.byPool().get("gpu")).isEqualTo(new CapacityTotals(7_800, 15_360, 1, 1));
        assertThat(capacity.byPool().get("permanent")).isEqualTo(new CapacityTotals(7_800, 15_360, 0, 1));
        assertThat(capacity.total().gpu()).isEqualTo(1);
    }

    @Test
    void shouldReportNoCapacityForAnEmptyCluster() {
        assertThat(ClusterCapacity.of(List.of()).total()).isEqualTo(CapacityTotals.NONE);
    }

    @Test
    void shouldRefuseNegativeResources() {
        assertThatThrownBy(() -> new NodeCapacity("x", "burst", -1, 0, 0, true, true, true))
                .hasMessageContaining("x");
    }

    private static NodeBuilder node(String name, String pool) {
        return new NodeBuilder(name, pool);
    }

    /** Builds medium-sized nodes that count unless told otherwise. */
    static final class NodeBuilder {
        private final String name;
        private final String pool;
        private int gpu;
        private boolean ready = true;
        private boolean schedulable = true;
        private boolean healthy = true;

        NodeBuilder(String name, String pool) {
            this.name = name;
            this.pool = pool;
        }

        NodeBuilder withGpu(int count) {
            gpu = count;
            return this;
        }

        NodeBuilder notReady() {
            ready = false;
            return this;
        }

        NodeBuilder cordoned() {
            schedulable = false;
            return this;
        }

        NodeBuilder unhealthy() {
            healthy = false;
            return this;
        }

        NodeCapacity build() {
            return new NodeCapacity(name, pool, 7_800, 15_360, gpu, ready, schedulable, healthy);
        }
    }
}
