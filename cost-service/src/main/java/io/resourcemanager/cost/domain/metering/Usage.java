package io.resourcemanager.cost.domain.metering;

import io.resourcemanager.cost.domain.pricing.TokenCounts;
import java.time.Instant;

/**
 * Usage reported by a producer (the domain form of {@code UsageRecorded}): a kind, how much, and what it
 * is attributed to. Names are null when not given.
 *
 * @param kind NODE_HOURS, CPU_CORE_HOURS, MEMORY_GB_HOURS, GPU_HOURS or TOKENS (anything else is refused)
 * @param quantity hours, core-hours or GB-hours; not used for tokens
 * @param tokens token counts, for kind TOKENS
 * @param usedAt end of the period of use: the hour it counts in
 */
public record Usage(String kind, double quantity, TokenCounts tokens, String division, String project, String job,
                    String pool, String template, String model, String agent, Instant usedAt) {
}
