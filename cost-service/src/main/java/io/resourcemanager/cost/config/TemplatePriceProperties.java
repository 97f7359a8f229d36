package io.resourcemanager.cost.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** A node template's price, {@code rm.cost.templates.<name>.price-per-hour}: adds a template or overrides SPEC §3's. */
@EachProperty("rm.cost.templates")
public record TemplatePriceProperties(@Parameter String name, @NotNull @DecimalMin("0") BigDecimal pricePerHour) {
}
