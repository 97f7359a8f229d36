package io.resourcemanager.cost.domain.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a model's tokens cost, in dollars per million tokens.
 *
 * @param input per million input tokens
 * @param output per million output tokens
 * @param cacheRead per million tokens read from the prompt cache
 * @param cacheWrite per million tokens written to the prompt cache
 */
public record TokenPrice(BigDecimal input, BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite) {

    private static final BigDecimal CACHE_READ_SHARE = new BigDecimal("0.10");
    private static final BigDecimal CACHE_WRITE_SHARE = new BigDecimal("1.25");

    public TokenPrice {
        for (BigDecimal price : new BigDecimal[] {input, output, cacheRead, cacheWrite}) {
            Objects.requireNonNull(price, "token prices");
            if (price.signum() < 0) {
                throw new IllegalArgumentException("Token prices must not be negative: " + price);
            }
        }
    }

    /** Prices from input and output alone: cache reads at a tenth of the input price, writes at 1.25 times. */
    public static TokenPrice fromInputOutput(BigDecimal input, BigDecimal output) {
        return new TokenPrice(input, output, input.multiply(CACHE_READ_SHARE), input.multiply(CACHE_WRITE_SHARE));
    }
}
