package io.resourcemanager.cost.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.events.CostRollup;
import io.resourcemanager.events.Resources;
import io.resourcemanager.events.UsageKind;
import io.resourcemanager.kafka.DeadLetterPublisher;
import io.resourcemanager.kafka.testing.Events;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CostTopologyTest {

    private static final Instant T0 = Events.T0;
    private static final long MEDIUM_HOUR = 240_000;
    private final CostDriver cost = new CostDriver(T0, CostSettings.defaults());

    @AfterEach
    void close() {
        cost.close();
    }

    @Test
    void shouldPriceNodesByTemplateWithTheSpotDiscountAndTheComputeMarkup() {
        cost.joined("burst-1", "burst", "medium");
        cost.joined("spot-1", "spot", "medium");
        cost.joined("gpu-1", "gpu", "gpu-nvidia");
        cost.joined("adopted-1", "permanent", null);

        cost.advance(Duration.ofHours(1));

        CostRollup burst = cost.rollup("pool=burst", "HOUR", T0);
        assertThat(burst.getCostMicroUsd()).isEqualTo(MEDIUM_HOUR);
        assertThat(burst.getExternalMicroUsd()).isEqualTo(360_000);
        assertThat(burst.getIdleMicroUsd()).as("nothing allocated").isEqualTo(MEDIUM_HOUR);
        assertThat(burst.getUsage()).containsEntry("node_hours", 1.0);
        assertThat(cost.rollup("pool=spot", "HOUR", T0).getCostMicroUsd()).isEqualTo(72_000);
        assertThat(cost.rollup("pool=gpu", "HOUR", T0).getCostMicroUsd()).isEqualTo(1_200_000);
        assertThat(cost.rollup("pool=permanent", "HOUR", T0).getCostMicroUsd())
                .as("a worker adopted without a template is priced as the fallback template").isEqualTo(MEDIUM_HOUR);
    }

    @Test
    void shouldAccrueARunningNodeEveryMinuteNotOnlyWhenItStops() {
        cost.joined("burst-1", "burst", "medium");

        cost.advance(Duration.ofMinutes(1));
        assertThat(cost.rollup("pool=burst", "HOUR", T0).getCostMicroUsd()).isEqualTo(4_000);

        cost.advance(Duration.ofMinutes(209));
        for (int hour = 0; hour < 3; hour++) {
            assertThat(cost.rollup("pool=burst", "HOUR", T0.plus(Duration.ofHours(hour))).getCostMicroUsd())
                    .as("hour %d", hour).isEqualTo(MEDIUM_HOUR);
        }
        assertThat(cost.rollup("pool=burst", "HOUR", T0.plus(Duration.ofHours(3))).getCostMicroUsd()).isEqualTo(120_000);
        assertThat(cost.rollup("pool=burst", "DAY", T0).getCostMicroUsd()).isEqualTo(3 * MEDIUM_HOUR + 120_000);

        cost.advance(Duration.ofSeconds(30));
        cost.removed("burst-1", "burst");
        cost.advance(Duration.ofHours(2));
        assertThat(cost.rollup("pool=burst", "DAY", T0).getCostMicroUsd()).as("charged up to the removal, then no more")
                .isEqualTo(3 * MEDIUM_HOUR + 122_000);
    }

    @Test
    void shouldSplitCostAtHourDayAndMonthBoundaries() {
        Instant lastHalfHourOfJanuary = Instant.parse("2026-01-31T23:30:00Z");
        Instant february = Instant.parse("2026-02-01T00:00:00Z");
        try (CostDriver boundary = new CostDriver(lastHalfHourOfJanuary, CostSettings.defaults())) {
            boundary.joined("burst-1", "burst", "medium");

            boundary.advance(Duration.ofHours(1));

            assertThat(boundary.rollup("pool=burst", "HOUR", Instant.parse("2026-01-31T23:00:00Z")).getCostMicroUsd())
                    .isEqualTo(120_000);
            assertThat(boundary.rollup("pool=burst", "HOUR", february).getCostMicroUsd()).isEqualTo(120_000);
            assertThat(boundary.rollup("pool=burst", "DAY", Instant.parse("2026-01-31T00:00:00Z")).getCostMicroUsd())
                    .isEqualTo(120_000);
            assertThat(boundary.rollup("pool=burst", "DAY", february).getCostMicroUsd()).isEqualTo(120_000);
            CostRollup january = boundary.rollup("pool=burst", "MONTH", Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(january.getCostMicroUsd()).isEqualTo(120_000);
            assertThat(january.getWindowEnd()).isEqualTo(february);
            assertThat(boundary.rollup("pool=burst", "MONTH", february).getCostMicroUsd()).isEqualTo(120_000);
        }
    }

    @Test
    void shouldAttributeAllocationsToDivisionProjectAndJobAndShowTheNodeIdleShareApart() {
        cost.joined("burst-1", "burst", "medium");
        cost.granted("alloc-1", "burst-1", 3_900, 8_192, Map.of("division", "security", "project", "apollo"));

        cost.advance(Duration.ofHours(1));

        // 3.9 cores x $0.05 + 8 GB x $0.005 = $0.235 an hour; external 50% more
        for (String dimension : new String[] {"division=security", "project=apollo", "job=job-alloc-1", "organisation=all"}) {
            CostRollup rollup = cost.rollup(dimension, "HOUR", T0);
            assertThat(rollup.getCostMicroUsd()).as(dimension).isEqualTo(235_000);
            assertThat(rollup.getExternalMicroUsd()).as(dimension).isEqualTo(352_500);
        }
        assertThat(cost.rollup("division=security", "HOUR", T0).getUsage())
                .containsEntry("cpu_core_hours", 3.9).containsEntry("memory_gb_hours", 8.0);
        CostRollup pool = cost.rollup("pool=burst", "HOUR", T0);
        assertThat(pool.getCostMicroUsd()).isEqualTo(MEDIUM_HOUR);
        assertThat(pool.getIdleMicroUsd()).as("half the node allocated").isEqualTo(120_000);

        cost.released("alloc-1", Resources.newBuilder().setCpuMillis(3_900).setMemoryMb(8_192).build());
        cost.advance(Duration.ofHours(1));
        assertThat(cost.rollup("pool=burst", "HOUR", T0.plus(Duration.ofHours(1))).getIdleMicroUsd())
                .as("idle again after the release").isEqualTo(MEDIUM_HOUR);
        assertThat(cost.rollup("division=security", "DAY", T0).getCostMicroUsd()).as("nothing after the release")
                .isEqualTo(235_000);
    }

    @Test
    void shouldPriceTokensPerModelWithTheTokenMarkup() {
        cost.tokens("security", "claude-sonnet", 1_000_000, 100_000);
        cost.tokens("security", "claude-opus", 10_000, 0);

        cost.advance(Duration.ofSeconds(1));

        // sonnet: $3 + $1.50; opus: $0.15
        CostRollup sonnet = cost.rollup("model=claude-sonnet", "DAY", T0);
        assertThat(sonnet.getCostMicroUsd()).isEqualTo(4_500_000);
        assertThat(sonnet.getExternalMicroUsd()).isEqualTo(5_400_000);
        assertThat(sonnet.getTokens()).isEqualTo(1_100_000);
        CostRollup security = cost.rollup("division=security", "DAY", T0);
        assertThat(security.getCostMicroUsd()).isEqualTo(4_650_000);
        assertThat(security.getTokens()).isEqualTo(1_110_000);
        assertThat(security.getUsage()).containsEntry("input_tokens", 1_010_000.0);
        assertThat(cost.rollup("agent=agent-1", "DAY", T0).getTokens()).isEqualTo(1_110_000);
    }

    @Test
    void shouldSendUsageThatCannotBePricedToTheDeadLetterTopicWithTheReason() {
        cost.usage(cost.tokenUsage("security", "claude-sonnet", -5, 10).build());
        cost.usage(cost.tokenUsage("security", "no-such-model", 5, 10).build());
        cost.usage(cost.tokenUsage(null, "claude-sonnet", 5, 10).build());
        cost.usage(cost.tokenUsage("security", "claude-sonnet", 5, 10).setKind(UsageKind.CPU_CORE_HOURS)
                .setQuantity(-1).build());
        cost.pipeBytes("division=security", "not avro".getBytes(StandardCharsets.UTF_8));

        cost.advance(Duration.ofSeconds(1));

        assertThat(cost.deadLetters()).map(CostTopologyTest::error).satisfiesExactly(
                error -> assertThat(error).contains("input_tokens must not be negative"),
                error -> assertThat(error).contains("model 'no-such-model' has no price"),
                error -> assertThat(error).contains("division is required"),
                error -> assertThat(error).contains("quantity must be a finite number not below 0"),
                error -> assertThat(error).startsWith("undecodable"));
        assertThat(cost.rollups()).as("nothing counted as zero").isEmpty();
    }

    @Test
    void shouldKeepPricingAfterADeadLetter() {
        cost.usage(cost.tokenUsage("security", "no-such-model", 5, 10).build());
        cost.tokens("security", "claude-haiku", 1_000_000, 0);

        cost.advance(Duration.ofSeconds(1));

        assertThat(cost.deadLetters()).hasSize(1);
        assertThat(cost.rollup("division=security", "HOUR", T0).getCostMicroUsd()).isEqualTo(800_000);
    }

    private static String error(TestRecord<String, byte[]> deadLetter) {
        return new String(deadLetter.headers().lastHeader(DeadLetterPublisher.ERROR).value(), StandardCharsets.UTF_8);
    }
}
