package io.resourcemanager.cost.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Rates and rhythm of the cost service under {@value #PREFIX} (SPEC §8 defaults). Template and model
 * prices and budgets are entries of their own: {@code rm.cost.templates.*}, {@code rm.cost.models.*},
 * {@code rm.cost.budgets.*}.
 *
 * @param spotDiscount share taken off a spot worker's template price
 * @param spotPools pools whose workers are spot
 * @param coreHour internal dollars per allocated core-hour
 * @param gbHour internal dollars per allocated memory GB-hour
 * @param gpuHour internal dollars per GPU-hour
 * @param computeMarkup external compute rates over internal ones
 * @param tokenMarkup external token rates over internal ones
 * @param thresholds budget thresholds in percent
 * @param anomalyDimensions dimension types whose daily spend is compared with its 7-day baseline
 * @param fallbackTemplate template whose price nodes get when their events name none (workers adopted as found)
 * @param accrualInterval how often running nodes and allocations are charged
 * @param flushInterval how often buffered usage reaches the rollups
 * @param rolloverCheck how often ended budget periods are looked for
 * @param hourlyRetention how long hourly rollups are kept
 * @param maxHours longest {@code GET /costs} span of hourly windows, in hours
 * @param maxDays longest span of daily windows, in days
 * @param maxMonths longest span of monthly windows, in months
 */
@ConfigurationProperties(CostProperties.PREFIX)
public record CostProperties(@Bindable(defaultValue = "0.70") @DecimalMin("0") @DecimalMax("1") BigDecimal spotDiscount,
                             @Bindable(defaultValue = "spot") @NotNull List<String> spotPools,
                             @Bindable(defaultValue = "0.05") @DecimalMin("0") BigDecimal coreHour,
                             @Bindable(defaultValue = "0.005") @DecimalMin("0") BigDecimal gbHour,
                             @Bindable(defaultValue = "0.50") @DecimalMin("0") BigDecimal gpuHour,
                             @Bindable(defaultValue = "0.50") @DecimalMin("0") BigDecimal computeMarkup,
                             @Bindable(defaultValue = "0.20") @DecimalMin("0") BigDecimal tokenMarkup,
                             @Bindable(defaultValue = "50,75,90,100") @NotEmpty List<Integer> thresholds,
                             @Bindable(defaultValue = "pool,division,project,model,organisation") @NotNull
                             List<String> anomalyDimensions,
                             @Bindable(defaultValue = "medium") @NotNull String fallbackTemplate,
                             @Bindable(defaultValue = "60s") @NotNull Duration accrualInterval,
                             @Bindable(defaultValue = "1s") @NotNull Duration flushInterval,
                             @Bindable(defaultValue = "10s") @NotNull Duration rolloverCheck,
                             @Bindable(defaultValue = "35d") @NotNull Duration hourlyRetention,
                             @Bindable(defaultValue = "744") @Min(1) int maxHours,
                             @Bindable(defaultValue = "366") @Min(1) int maxDays,
                             @Bindable(defaultValue = "36") @Min(1) int maxMonths) {

    /** Configuration prefix. */
    public static final String PREFIX = "rm.cost";
}
