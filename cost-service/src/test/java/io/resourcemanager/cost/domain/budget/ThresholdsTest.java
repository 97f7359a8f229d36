package io.resourcemanager.cost.domain.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    private static final BigDecimal LIMIT = new BigDecimal("200");

    @Test
    void shouldCrossEachThresholdOncePerPeriod() {
        assertThat(Thresholds.DEFAULTS.newlyCrossed(new BigDecimal("99.99"), LIMIT, Set.of())).isEmpty();
        assertThat(Thresholds.DEFAULTS.newlyCrossed(new BigDecimal("100"), LIMIT, Set.of())).containsExactly(50);
        assertThat(Thresholds.DEFAULTS.newlyCrossed(new BigDecimal("120"), LIMIT, Set.of(50))).isEmpty();
        assertThat(Thresholds.DEFAULTS.newlyCrossed(new BigDecimal("190"), LIMIT, Set.of(50))).containsExactly(75, 90);
        assertThat(Thresholds.DEFAULTS.newlyCrossed(new BigDecimal("250"), LIMIT, Set.of(50, 75, 90)))
                .containsExactly(100);
        assertThat(Thresholds.DEFAULTS.newlyCrossed(new BigDecimal("250"), LIMIT, Set.of(50, 75, 90, 100))).isEmpty();
    }
}
