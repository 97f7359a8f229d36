package io.resourcemanager.cost.domain.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.Dimension;
import io.resourcemanager.cost.domain.pricing.PriceBook;
import io.resourcemanager.cost.domain.pricing.TokenCounts;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsagePricingTest {

    private static final Instant AT = Instant.parse("2026-03-04T05:06:07Z");
    private final UsagePricing pricing = new UsagePricing(PriceBook.spec(), Set.of("spot"));

    @Test
    void shouldPriceTokensIncludingTheCacheAndAttributeThemToDivisionModelAgentAndOrganisation() {
        PricedUsage priced = pricing.price(tokens("security", "claude-opus", new TokenCounts(1_000_000, 0, 1_000_000, 1_000_000)));

        // $15 input + $1.50 cache read + $18.75 cache write
        assertThat(priced.charge().cost().internalMicros()).isEqualTo(35_250_000);
        assertThat(priced.charge().cost().externalMicros()).isEqualTo(42_300_000);
        assertThat(priced.charge().dimensions()).extracting(Dimension::toString)
                .containsExactly("division=security", "project=apollo", "organisation=all", "model=claude-opus", "agent=agent-7");
        assertThat(priced.charge().hour()).isEqualTo(Instant.parse("2026-03-04T05:00:00Z"));
    }

    @Test
    void shouldPriceComputeAndNodeHoursAndTheSpotDiscount() {
        assertThat(pricing.price(compute("CPU_CORE_HOURS", 10)).charge().cost().internalMicros()).isEqualTo(500_000);
        assertThat(pricing.price(compute("MEMORY_GB_HOURS", 10)).charge().cost().internalMicros()).isEqualTo(50_000);
        assertThat(pricing.price(compute("GPU_HOURS", 2)).charge().cost().externalMicros()).isEqualTo(1_500_000);
        Usage spot = new Usage("NODE_HOURS", 2, null, null, null, null, "spot", "large", null, null, AT);
        assertThat(pricing.price(spot).charge().cost().internalMicros()).isEqualTo(288_000);
        assertThat(pricing.price(spot).charge().dimensions()).containsExactly(new Dimension(Dimension.POOL, "spot"));
    }

    @Test
    void shouldRefuseWhatCannotBePricedNamingTheField() {
        assertThat(pricing.price(tokens("security", "gpt-unknown", new TokenCounts(1, 1, 0, 0))).refusal())
                .startsWith("model 'gpt-unknown' has no price; known models: [claude-haiku, claude-opus, claude-sonnet]");
        assertThat(pricing.price(tokens(null, "claude-opus", new TokenCounts(1, 1, 0, 0))).refusal())
                .isEqualTo("division is required for TOKENS usage");
        assertThat(pricing.price(tokens("security", " ", new TokenCounts(1, 1, 0, 0))).refusal())
                .isEqualTo("model is required for TOKENS usage");
        assertThat(pricing.price(compute("CPU_CORE_HOURS", -1)).refusal()).contains("quantity must be a finite number");
        assertThat(pricing.price(compute("GPU_HOURS", Double.NaN)).refusal()).contains("quantity must be a finite number");
        assertThat(pricing.price(compute("UNKNOWN", 1)).refusal()).startsWith("kind UNKNOWN is not priced");
        assertThat(pricing.price(new Usage("NODE_HOURS", 1, null, null, null, null, "burst", null, null, null, AT))
                .refusal()).isEqualTo("template is required for NODE_HOURS usage");
        assertThat(pricing.price(new Usage("NODE_HOURS", 1, null, null, null, null, "burst", "huge", null, null, AT))
                .refusal()).isEqualTo("template 'huge' has no price");
        assertThat(pricing.price(new Usage("GPU_HOURS", 1, null, "security", null, null, null, null, null, null, null))
                .refusal()).isEqualTo("period_end is required");
    }

    @Test
    void shouldRecordTokenCountsPerTypeInTheUsage() {
        Cost cost = pricing.price(tokens("security", "claude-haiku", new TokenCounts(10, 20, 30, 40))).charge().cost();

        assertThat(cost.tokens()).isEqualTo(100);
        assertThat(cost.usage()).containsEntry(Cost.INPUT_TOKENS, 10.0).containsEntry(Cost.OUTPUT_TOKENS, 20.0)
                .containsEntry(Cost.CACHE_READ_TOKENS, 30.0).containsEntry(Cost.CACHE_WRITE_TOKENS, 40.0);
    }

    private static Usage tokens(String division, String model, TokenCounts counts) {
        return new Usage("TOKENS", 0, counts, division, "apollo", null, null, null, model, "agent-7", AT);
    }

    private static Usage compute(String kind, double quantity) {
        return new Usage(kind, quantity, null, "security", null, "job-1", null, null, null, null, AT);
    }
}
