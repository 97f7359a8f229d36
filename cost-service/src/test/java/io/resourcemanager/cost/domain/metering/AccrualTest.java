package io.resourcemanager.cost.domain.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.cost.domain.Charge;
import io.resourcemanager.cost.domain.Dimension;
import io.resourcemanager.cost.domain.pricing.PriceBook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccrualTest {

    private static final Instant START = Instant.parse("2026-05-01T10:20:00Z");
    private final Accrual accrual = new Accrual(PriceBook.spec());

    @Test
    void shouldCutChargesAtEveryHourBoundary() {
        RunningNode node = new RunningNode("burst-1", "burst", "medium", false, 7_800, START, START);

        List<Charge> charges = accrual.node(node, 0, START.plus(Duration.ofMinutes(130)));

        assertThat(charges).extracting(Charge::at).containsExactly(START, Instant.parse("2026-05-01T11:00:00Z"),
                Instant.parse("2026-05-01T12:00:00Z"));
        assertThat(charges).extracting(charge -> charge.cost().internalMicros()).containsExactly(160_000L, 240_000L, 120_000L);
        assertThat(accrual.node(node, 0, START)).as("nothing to charge").isEmpty();
    }

    @Test
    void shouldNotLetRoundingAccumulateWhenChargedMinuteByMinute() {
        // 1 core + 1 GB = $0.055 an hour: $0.000916666... a minute
        RunningAllocation allocation = new RunningAllocation("alloc-1", List.of(new Dimension(Dimension.DIVISION, "a")),
                1, 1, 0, Map.of(), START, START);
        long total = 0;
        for (int minute = 1; minute <= 180; minute++) {
            Instant until = START.plus(Duration.ofMinutes(minute));
            for (Charge charge : accrual.allocation(allocation, until)) {
                total += charge.cost().internalMicros();
            }
            allocation = allocation.chargedUntil(until);
        }
        assertThat(total).isEqualTo(165_000);
    }

    @Test
    void shouldSplitANodeIntoItsAllocatedAndIdleShares() {
        RunningNode node = new RunningNode("burst-1", "burst", "medium", false, 8_000, START, START);

        Charge quarterHeld = accrual.node(node, 2_000, START.plus(Duration.ofMinutes(30))).get(0);
        Charge overHeld = accrual.node(node, 9_000, START.plus(Duration.ofMinutes(30))).get(0);

        assertThat(quarterHeld.cost().internalMicros()).isEqualTo(120_000);
        assertThat(quarterHeld.cost().idleMicros()).isEqualTo(90_000);
        assertThat(overHeld.cost().idleMicros()).as("never below zero").isZero();
    }

    @Test
    void shouldChargeAnUnpricedTemplateItsHoursAtNoCost() {
        RunningNode node = new RunningNode("odd-1", "burst", "unknown", false, 1_000, START, START);

        List<Charge> charges = new ArrayList<>(accrual.node(node, 0, START.plus(Duration.ofMinutes(30))));

        assertThat(charges).singleElement().satisfies(charge -> {
            assertThat(charge.cost().internalMicros()).isZero();
            assertThat(charge.cost().usage()).containsEntry("node_hours", 0.5);
        });
    }
}
