package io.resourcemanager.cost.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceBookTest {

    private static final PriceBook PRICES = new PriceBook(
            Map.of("small", new BigDecimal("0.12"), "gpu-nvidia", new BigDecimal("1.20")),
            new BigDecimal("0.70"), new BigDecimal("0.05"), new BigDecimal("0.005"), new BigDecimal("0.50"),
            Map.of("large-model", new TokenPrice(new BigDecimal("15"), new BigDecimal("75"), new BigDecimal("1.5"),
                    new BigDecimal("18.75"))),
            new BigDecimal("0.50"), new BigDecimal("0.20"));

    @Test
    void shouldPriceNodeHoursByTemplateWithTheSpotDiscount() {
        assertThat(PRICES.node("small", false, Duration.ofHours(10))).hasValueSatisfying(cost ->
                assertThat(cost).isEqualByComparingTo("1.20"));
        assertThat(PRICES.node("small", true, Duration.ofHours(10))).hasValueSatisfying(cost ->
                assertThat(cost).isEqualByComparingTo("0.36"));
        assertThat(PRICES.node("gpu-nvidia", false, Duration.ofMinutes(30))).hasValueSatisfying(cost ->
                assertThat(cost).isEqualByComparingTo("0.60"));
        assertThat(PRICES.node("unknown", false, Duration.ofHours(1))).isEmpty();
    }

    @Test
    void shouldPriceAllocatedCoresMemoryAndGpusByTheHour() {
        BigDecimal twoHours = PRICES.compute(4, 8, 1, Duration.ofHours(2));

        assertThat(twoHours).isEqualByComparingTo("1.48");
        assertThat(PRICES.externalCompute(twoHours)).isEqualByComparingTo("2.22");
    }

    @Test
    void shouldPriceTokensPerMillionByKindAndRefuseAnUnknownModel() {
        BigDecimal cost = PRICES.tokens("large-model", new TokenCounts(1_000_000, 100_000, 2_000_000, 0)).orElseThrow();

        assertThat(cost).isEqualByComparingTo("25.50");
        assertThat(PRICES.externalTokens(cost)).isEqualByComparingTo("30.60");
        assertThat(PRICES.tokens("no-such-model", new TokenCounts(1, 1, 0, 0))).isEmpty();
    }

    @Test
    void shouldRefuseNegativeQuantities() {
        assertThatThrownBy(() -> new TokenCounts(-1, 0, 0, 0)).hasMessageContaining("negative");
        assertThatThrownBy(() -> PRICES.compute(-1, 0, 0, Duration.ofHours(1))).hasMessageContaining("negative");
        assertThatThrownBy(() -> PRICES.node("small", false, Duration.ofHours(-1))).hasMessageContaining("negative");
    }
}
