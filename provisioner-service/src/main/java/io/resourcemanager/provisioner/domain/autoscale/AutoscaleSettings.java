package io.resourcemanager.provisioner.domain.autoscale;

import java.time.Duration;

/**
 * The autoscaler's rules (SPEC §5), every number configurable.
 *
 * @param demandThreshold queued allocations or pending pods that call for more workers
 * @param demandFor how long demand must stay at or above the threshold
 * @param cpuHigh CPU utilisation (0–1) that calls for more workers
 * @param memoryHigh memory utilisation (0–1) that calls for more workers
 * @param protectedCpuHigh CPU utilisation that calls for more workers in a protected pool: the permanent
 *                         pool is never shrunk, so its target is its only threshold and it keeps more headroom
 * @param protectedMemoryHigh memory utilisation that calls for more workers in a protected pool
 * @param utilisationFor how long utilisation must stay high
 * @param upCooldown no scale-up this soon after the last scale-up
 * @param downCooldown no scale-down this soon after the last scale-down (or scale-up)
 * @param maxDownShare at most this share of a pool is removed per scale-down window
 * @param downWindow the scale-down window
 * @param lowCpu CPU utilisation below which a pool is over-provisioned
 * @param lowMemory memory utilisation below which a pool is over-provisioned
 */
public record AutoscaleSettings(int demandThreshold, Duration demandFor, double cpuHigh, double memoryHigh,
                                double protectedCpuHigh, double protectedMemoryHigh,
                                Duration utilisationFor, Duration upCooldown, Duration downCooldown,
                                double maxDownShare, Duration downWindow, double lowCpu, double lowMemory) {

    /** The defaults of SPEC §5. */
    public static AutoscaleSettings defaults() {
        return new AutoscaleSettings(5, Duration.ofSeconds(120), 0.80, 0.85, 0.70, 0.75, Duration.ofSeconds(300),
                Duration.ofSeconds(300), Duration.ofSeconds(600), 0.20, Duration.ofMinutes(30), 0.70, 0.75);
    }

    /** Whether this utilisation calls for more workers in a pool that is, or is not, protected. */
    public boolean isHigh(double cpu, double memory, boolean protectedPool) {
        return protectedPool ? cpu >= protectedCpuHigh || memory >= protectedMemoryHigh
                : cpu >= cpuHigh || memory >= memoryHigh;
    }
}
