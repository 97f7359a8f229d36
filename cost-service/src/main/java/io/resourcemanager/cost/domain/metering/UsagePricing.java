package io.resourcemanager.cost.domain.metering;

import io.resourcemanager.cost.domain.Charge;
import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.Dimension;
import io.resourcemanager.cost.domain.pricing.PriceBook;
import io.resourcemanager.cost.domain.pricing.TokenCounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prices usage reported on {@code rm.cost.usage}. Nothing is silently counted as zero: a negative or
 * non-finite quantity, an unknown kind, model or template, or a missing dimension refuses the usage with
 * a reason naming the field.
 */
public final class UsagePricing {

    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000);

    private final PriceBook prices;
    private final Set<String> spotPools;

    public UsagePricing(PriceBook prices, Set<String> spotPools) {
        this.prices = prices;
        this.spotPools = Set.copyOf(spotPools);
    }

    public PricedUsage price(Usage usage) {
        if (usage.usedAt() == null) {
            return PricedUsage.refused("period_end is required");
        }
        if (!"TOKENS".equals(usage.kind()) && (!Double.isFinite(usage.quantity()) || usage.quantity() < 0)) {
            return PricedUsage.refused("quantity must be a finite number not below 0, was " + usage.quantity());
        }
        try {
            switch (String.valueOf(usage.kind())) {
                case "TOKENS":
                    return tokens(usage);
                case "NODE_HOURS":
                    return nodeHours(usage);
                case "CPU_CORE_HOURS":
                    return compute(usage, usage.quantity(), 0, 0, Cost.CPU_CORE_HOURS);
                case "MEMORY_GB_HOURS":
                    return compute(usage, 0, usage.quantity(), 0, Cost.MEMORY_GB_HOURS);
                case "GPU_HOURS":
                    return compute(usage, 0, 0, usage.quantity(), Cost.GPU_HOURS);
                default:
                    return PricedUsage.refused("kind " + usage.kind() + " is not priced; expected NODE_HOURS, "
                            + "CPU_CORE_HOURS, MEMORY_GB_HOURS, GPU_HOURS or TOKENS");
            }
        } catch (IllegalArgumentException invalid) {
            return PricedUsage.refused(invalid.getMessage());
        }
    }

    private PricedUsage tokens(Usage usage) {
        TokenCounts tokens = usage.tokens();
        if (isBlank(usage.model())) {
            return PricedUsage.refused("model is required for TOKENS usage");
        }
        if (isBlank(usage.division())) {
            return PricedUsage.refused("division is required for TOKENS usage");
        }
        Optional<BigDecimal> internal = prices.tokens(usage.model(), tokens);
        if (internal.isEmpty()) {
            return PricedUsage.refused("model '" + usage.model() + "' has no price; known models: "
                    + prices.models().keySet().stream().sorted().toList());
        }
        List<Dimension> dimensions = consumer(usage);
        dimensions.add(new Dimension(Dimension.MODEL, usage.model()));
        if (!isBlank(usage.agent())) {
            dimensions.add(new Dimension(Dimension.AGENT, usage.agent()));
        }
        Map<String, Double> counts = Map.of(Cost.INPUT_TOKENS, (double) tokens.input(),
                Cost.OUTPUT_TOKENS, (double) tokens.output(), Cost.CACHE_READ_TOKENS, (double) tokens.cacheRead(),
                Cost.CACHE_WRITE_TOKENS, (double) tokens.cacheWrite());
        Cost cost = new Cost(Cost.micros(internal.get()), Cost.micros(prices.externalTokens(internal.get())), 0,
                tokens.total(), counts);
        return PricedUsage.of(new Charge(usage.usedAt(), dimensions, cost));
    }

    private PricedUsage nodeHours(Usage usage) {
        if (isBlank(usage.pool())) {
            return PricedUsage.refused("pool is required for NODE_HOURS usage");
        }
        if (isBlank(usage.template())) {
            return PricedUsage.refused("template is required for NODE_HOURS usage");
        }
        Optional<BigDecimal> internal = prices.node(usage.template(), spotPools.contains(usage.pool()),
                hours(usage.quantity()));
        if (internal.isEmpty()) {
            return PricedUsage.refused("template '" + usage.template() + "' has no price");
        }
        Cost cost = new Cost(Cost.micros(internal.get()), Cost.micros(prices.externalCompute(internal.get())), 0, 0,
                Map.of(Cost.NODE_HOURS, usage.quantity()));
        return PricedUsage.of(new Charge(usage.usedAt(), List.of(new Dimension(Dimension.POOL, usage.pool())), cost));
    }

    private PricedUsage compute(Usage usage, double coreHours, double gbHours, double gpuHours, String kind) {
        if (isBlank(usage.division())) {
            return PricedUsage.refused("division is required for " + usage.kind() + " usage");
        }
        BigDecimal internal = prices.coreHour().multiply(BigDecimal.valueOf(coreHours))
                .add(prices.gbHour().multiply(BigDecimal.valueOf(gbHours)))
                .add(prices.gpuHour().multiply(BigDecimal.valueOf(gpuHours)));
        Cost cost = new Cost(Cost.micros(internal), Cost.micros(prices.externalCompute(internal)), 0, 0,
                Map.of(kind, usage.quantity()));
        return PricedUsage.of(new Charge(usage.usedAt(), consumer(usage), cost));
    }

    /** Division, project and job when given, and the organisation. */
    private static List<Dimension> consumer(Usage usage) {
        List<Dimension> dimensions = new ArrayList<>();
        dimensions.add(new Dimension(Dimension.DIVISION, usage.division()));
        if (!isBlank(usage.project())) {
            dimensions.add(new Dimension(Dimension.PROJECT, usage.project()));
        }
        if (!isBlank(usage.job())) {
            dimensions.add(new Dimension(Dimension.JOB, usage.job()));
        }
        dimensions.add(new Dimension(Dimension.ORGANISATION, Dimension.ALL));
        return dimensions;
    }

    private static Duration hours(double hours) {
        return Duration.ofMillis(BigDecimal.valueOf(hours).multiply(MILLIS_PER_HOUR).longValue());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
