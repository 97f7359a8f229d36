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

    public TokenPrice {
        for (BigDecimal price : new BigDecimal[] {input, output, cacheRead, cacheWrite}) {
            Objects.requireNonNull(price, "token prices");
            if (price.signum() < 0) {
                throw new IllegalArgumentException("Token prices must not be negative: " + price);
            }
        }
    }
}
