package io.resourcemanager.cost.domain.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices of SPEC §8 as plain values: node hours by template (spot workers at a discount), internal
 * compute rates for allocations, token prices per model, and the markups of external (charged-back)
 * rates over internal ones.
 *
 * @param templatePerHour dollars per node hour, by template
 * @param spotDiscount share taken off a spot worker's price (0.70)
 * @param coreHour internal dollars per allocated CPU core-hour (0.05)
 * @param gbHour internal dollars per allocated memory GB-hour (0.005)
 * @param gpuHour internal dollars per GPU-hour (0.50)
 * @param models token prices by model
 * @param computeMarkup external compute rates over internal ones (0.50)
 * @param tokenMarkup external token rates over internal ones (0.20)
 */
public record PriceBook(Map<String, BigDecimal> templatePerHour, BigDecimal spotDiscount, BigDecimal coreHour,
                        BigDecimal gbHour, BigDecimal gpuHour, Map<String, TokenPrice> models,
                        BigDecimal computeMarkup, BigDecimal tokenMarkup) {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public PriceBook {
        templatePerHour = Map.copyOf(templatePerHour);
        models = Map.copyOf(models);
        Objects.requireNonNull(coreHour, "coreHour");
        Objects.requireNonNull(gbHour, "gbHour");
        Objects.requireNonNull(gpuHour, "gpuHour");
        if (spotDiscount.signum() < 0 || spotDiscount.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("spotDiscount must be a share from 0 to 1: " + spotDiscount);
        }
        if (computeMarkup.signum() < 0 || tokenMarkup.signum() < 0) {
            throw new IllegalArgumentException("Markups must not be negative");
        }
    }

    /**
     * The prices of SPEC §8: templates small/medium/large/gpu-nvidia at $0.12/0.24/0.48/1.20 an hour, spot
     * 70% off; $0.05 a core-hour, $0.005 a GB-hour, $0.50 a GPU-hour; models at $15/$75, $3/$15 and $0.80/$4
     * per million input/output tokens (cache reads at a tenth of the input price, cache writes at 1.25
     * times); external rates 50% over internal ones for compute and 20% for tokens.
     */
    public static PriceBook spec() {
        return new PriceBook(
                Map.of("small", new BigDecimal("0.12"), "medium", new BigDecimal("0.24"),
                        "large", new BigDecimal("0.48"), "gpu-nvidia", new BigDecimal("1.20")),
                new BigDecimal("0.70"), new BigDecimal("0.05"), new BigDecimal("0.005"), new BigDecimal("0.50"),
                Map.of("claude-opus", TokenPrice.fromInputOutput(new BigDecimal("15"), new BigDecimal("75")),
                        "claude-sonnet", TokenPrice.fromInputOutput(new BigDecimal("3"), new BigDecimal("15")),
                        "claude-haiku", TokenPrice.fromInputOutput(new BigDecimal("0.80"), new BigDecimal("4"))),
                new BigDecimal("0.50"), new BigDecimal("0.20"));
    }

    /** What a node of {@code template} costs for {@code running}; empty for a template without a price. */
    public Optional<BigDecimal> node(String template, boolean spot, Duration running) {
        return Optional.ofNullable(templatePerHour.get(template)).map(perHour -> {
            BigDecimal price = spot ? perHour.multiply(BigDecimal.ONE.subtract(spotDiscount)) : perHour;
            return price.multiply(hours(running));
        });
    }

    /** What an allocation holding {@code cores}, {@code memoryGb} and {@code gpus} costs for {@code held}, internally. */
    public BigDecimal compute(double cores, double memoryGb, int gpus, Duration held) {
        if (cores < 0 || memoryGb < 0 || gpus < 0) {
            throw new IllegalArgumentException("Allocated resources must not be negative");
        }
        BigDecimal hours = hours(held);
        return coreHour.multiply(BigDecimal.valueOf(cores)).multiply(hours)
                .add(gbHour.multiply(BigDecimal.valueOf(memoryGb)).multiply(hours))
                .add(gpuHour.multiply(BigDecimal.valueOf(gpus)).multiply(hours));
    }

    /** What {@code tokens} of {@code model} cost, internally; empty for a model without a price. */
    public Optional<BigDecimal> tokens(String model, TokenCounts tokens) {
        return Optional.ofNullable(models.get(model)).map(price -> price.input().multiply(BigDecimal.valueOf(tokens.input()))
                .add(price.output().multiply(BigDecimal.valueOf(tokens.output())))
                .add(price.cacheRead().multiply(BigDecimal.valueOf(tokens.cacheRead())))
                .add(price.cacheWrite().multiply(BigDecimal.valueOf(tokens.cacheWrite())))
                .divide(MILLION, MathContext.DECIMAL64));
    }

    /** The external (charged-back) price of an internal compute cost. */
    public BigDecimal externalCompute(BigDecimal internal) {
        return internal.multiply(BigDecimal.ONE.add(computeMarkup));
    }

    /** The external (charged-back) price of an internal token cost. */
    public BigDecimal externalTokens(BigDecimal internal) {
        return internal.multiply(BigDecimal.ONE.add(tokenMarkup));
    }

    private static BigDecimal hours(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A duration of use must not be negative: " + duration);
        }
        return BigDecimal.valueOf(duration.toMillis()).divide(SECONDS_PER_HOUR.multiply(BigDecimal.valueOf(1000)),
                MathContext.DECIMAL64);
    }
}
