package io.resourcemanager.cost.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.resourcemanager.cost.domain.pricing.TokenPrice;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * A model's token prices in dollars per million, {@code rm.cost.models.<name>.*}: adds a model or overrides
 * a SPEC one. Cache prices default to a tenth (reads) and 1.25 times (writes) of the input price.
 */
@EachProperty("rm.cost.models")
public record ModelPriceProperties(@Parameter String name,
                                   @NotNull @DecimalMin("0") BigDecimal input,
                                   @NotNull @DecimalMin("0") BigDecimal output,
                                   @Nullable @DecimalMin("0") BigDecimal cacheRead,
                                   @Nullable @DecimalMin("0") BigDecimal cacheWrite) {

    TokenPrice toPrice() {
        TokenPrice derived = TokenPrice.fromInputOutput(input, output);
        return new TokenPrice(input, output, cacheRead == null ? derived.cacheRead() : cacheRead,
                cacheWrite == null ? derived.cacheWrite() : cacheWrite);
    }
}
