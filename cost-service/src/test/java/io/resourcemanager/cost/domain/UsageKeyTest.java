package io.resourcemanager.cost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UsageKeyTest {

    @Test
    void shouldRoundTripThroughItsStringForm() {
        UsageKey key = UsageKey.forDivision("security", "TOKENS");

        assertThat(UsageKey.parse(key.asString())).isEqualTo(key);
        assertThat(key.dimension()).isEqualTo("division=security");
    }

    @Test
    void shouldFileUsageWithoutDivisionAsUnassigned() {
        assertThat(UsageKey.forDivision("  ", "GPU_HOURS").dimension()).isEqualTo("division=unassigned");
        assertThat(UsageKey.forDivision(null, "GPU_HOURS").dimension()).isEqualTo("division=unassigned");
    }

    @Test
    void shouldKeepTheSeparatorOutOfDivisionNames() {
        assertThat(UsageKey.forDivision("a|b", "TOKENS").dimension()).isEqualTo("division=a_b");
    }

    @Test
    void shouldRefuseToParseAStringWithoutSeparator() {
        assertThatThrownBy(() -> UsageKey.parse("division=x")).hasMessageContaining("division=x");
    }

    @Test
    void shouldRefuseNegativeAndNonFiniteQuantities() {
        assertThat(UsageQuantity.isValid(0)).isTrue();
        assertThat(UsageQuantity.isValid(-0.5)).isFalse();
        assertThat(UsageQuantity.isValid(Double.NaN)).isFalse();
        assertThat(UsageQuantity.isValid(Double.POSITIVE_INFINITY)).isFalse();
    }
}
