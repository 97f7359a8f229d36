package io.resourcemanager.provisioner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolSpecTest {

    private static final PoolSpec BURST = new PoolSpec("burst", 0, 20, Duration.ofHours(4), Duration.ofHours(12), null,
            Map.of("node-pool", "burst"), List.of("workload-type=burst:NoSchedule"), false);

    @Test
    void shouldAcceptManualScalingWithinBoundsAndNameTheLimitOtherwise() {
        assertThat(BURST.refuseScaleTo(20)).isEmpty();
        assertThat(BURST.refuseScaleTo(21)).contains("count 21 is above the maximum of pool burst (20)");
        assertThat(new PoolSpec("permanent", 3, 10, null, null, null, Map.of(), List.of(), true).refuseScaleTo(2))
                .contains("count 2 is below the minimum of pool permanent (3)");
    }

    @Test
    void shouldRefuseInconsistentPools() {
        assertThatThrownBy(() -> new PoolSpec("x", 5, 4, null, null, null, Map.of(), List.of(), false))
                .hasMessageContaining("min ≤ max");
        assertThatThrownBy(() -> new PoolSpec("x", 0, 4, Duration.ofHours(13), Duration.ofHours(12), null, Map.of(),
                List.of(), false)).hasMessageContaining("exceeds max TTL");
    }

    @Test
    void shouldRefuseATemplateOfferingMoreThanItsHardware() {
        assertThatThrownBy(() -> new TemplateSpec("odd", 9009, 4, 8192, 100, 4100, 7680, 100, 0, BigDecimal.ONE))
                .hasMessageContaining("allocatable exceeds");
    }
}
