package io.resourcemanager.allocation.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.bind.annotation.Bindable;
import io.resourcemanager.allocation.domain.Quota;
import io.resourcemanager.allocation.domain.Resources;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

/**
 * Quota of one division: {@code rm.allocation.quotas.<division>.*}.
 *
 * @param division division name
 * @param cpu CPU cores it may hold
 * @param memory memory in MB it may hold
 * @param gpu GPUs it may hold
 * @param maxAllocations concurrent active allocations (0: no limit)
 * @param borrowing whether it may use quota other divisions leave idle
 * @param weight its fair-share weight, for example 0.4
 */
@EachProperty("rm.allocation.quotas")
public record QuotaProperties(@Parameter String division,
                              @DecimalMin("0") double cpu,
                              @Min(0) long memory,
                              @Bindable(defaultValue = "0") @Min(0) int gpu,
                              @Bindable(defaultValue = "0") @Min(0) int maxAllocations,
                              @Bindable(defaultValue = "false") boolean borrowing,
                              @Bindable(defaultValue = "1") @DecimalMin(value = "0", inclusive = false) double weight) {

    Quota toQuota() {
        return new Quota(division, new Resources(Math.round(cpu * 1000), memory, gpu), maxAllocations, borrowing, weight);
    }
}
