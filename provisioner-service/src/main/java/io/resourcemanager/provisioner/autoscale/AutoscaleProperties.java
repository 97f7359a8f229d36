package io.resourcemanager.provisioner.autoscale;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.resourcemanager.provisioner.domain.autoscale.AutoscaleSettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How the autoscaler runs and decides: {@code rm.provisioner.autoscale.*}, defaults from SPEC §5.
 *
 * @param enabled whether the loop decides anything (and whether the demand view reads Kafka)
 * @param interval pause between two ticks: a trigger that starts holding is acted on within about this long
 *                 of holding for its full duration
 * @param metricsRefresh how often node usage and pending pods are read from the cluster
 * @param commandTimeout how long a sent command may go without a saga before the pool is decided afresh
 * @param defaultPool the pool that serves demand naming no pool (allocations without target pool, pods
 *                    without {@code node-pool} selector)
 * @param demandThreshold queued allocations plus pending pods that call for more workers
 * @param demandFor how long demand must stay at or above the threshold
 * @param cpuHigh CPU utilisation (0–1) that calls for more workers
 * @param memoryHigh memory utilisation (0–1) that calls for more workers
 * @param protectedCpuHigh CPU utilisation that calls for more workers in a protected (permanent) pool
 * @param protectedMemoryHigh memory utilisation that calls for more workers in a protected pool
 * @param utilisationFor how long utilisation must stay high
 * @param upCooldown no scale-up this soon after the pool last grew
 * @param downCooldown no scale-down this soon after the pool last shrank or grew
 * @param maxDownShare share of a pool removed at most per scale-down window
 * @param downWindow the scale-down window
 * @param lowCpu CPU utilisation below which an idle pool is over-provisioned
 * @param lowMemory memory utilisation below which an idle pool is over-provisioned
 */
@ConfigurationProperties(AutoscaleProperties.PREFIX)
public record AutoscaleProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "1s") @NotNull Duration interval,
        @Bindable(defaultValue = "15s") @NotNull Duration metricsRefresh,
        @Bindable(defaultValue = "60s") @NotNull Duration commandTimeout,
        @Bindable(defaultValue = "burst") @NotBlank String defaultPool,
        @Bindable(defaultValue = "5") @Min(1) int demandThreshold,
        @Bindable(defaultValue = "120s") @NotNull Duration demandFor,
        @Bindable(defaultValue = "0.80") @DecimalMin("0") @DecimalMax("1") double cpuHigh,
        @Bindable(defaultValue = "0.85") @DecimalMin("0") @DecimalMax("1") double memoryHigh,
        @Bindable(defaultValue = "0.70") @DecimalMin("0") @DecimalMax("1") double protectedCpuHigh,
        @Bindable(defaultValue = "0.75") @DecimalMin("0") @DecimalMax("1") double protectedMemoryHigh,
        @Bindable(defaultValue = "300s") @NotNull Duration utilisationFor,
        @Bindable(defaultValue = "300s") @NotNull Duration upCooldown,
        @Bindable(defaultValue = "600s") @NotNull Duration downCooldown,
        @Bindable(defaultValue = "0.20") @DecimalMin("0") @DecimalMax("1") double maxDownShare,
        @Bindable(defaultValue = "30m") @NotNull Duration downWindow,
        @Bindable(defaultValue = "0.70") @DecimalMin("0") @DecimalMax("1") double lowCpu,
        @Bindable(defaultValue = "0.75") @DecimalMin("0") @DecimalMax("1") double lowMemory) {

    public static final String PREFIX = "rm.provisioner.autoscale";

    /** The properties with every default: what SPEC §5 asks for. */
    public static AutoscaleProperties defaults() {
        AutoscaleSettings spec = AutoscaleSettings.defaults();
        return new AutoscaleProperties(true, Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(60),
                "burst", spec.demandThreshold(), spec.demandFor(), spec.cpuHigh(), spec.memoryHigh(),
                spec.protectedCpuHigh(), spec.protectedMemoryHigh(), spec.utilisationFor(), spec.upCooldown(),
                spec.downCooldown(), spec.maxDownShare(), spec.downWindow(), spec.lowCpu(), spec.lowMemory());
    }

    /** The rules these properties describe, for the domain. */
    public AutoscaleSettings settings() {
        return new AutoscaleSettings(demandThreshold, demandFor, cpuHigh, memoryHigh, protectedCpuHigh,
                protectedMemoryHigh, utilisationFor, upCooldown, downCooldown, maxDownShare, downWindow, lowCpu,
                lowMemory);
    }
}
