package io.resourcemanager.allocation.domain;

/**
 * An amount of schedulable resources.
 *
 * @param cpuMillis CPU in millicores
 * @param memoryMb memory in MiB
 * @param gpu whole GPUs
 */
public record Resources(long cpuMillis, long memoryMb, int gpu) {

    /** Nothing. */
    public static final Resources NONE = new Resources(0, 0, 0);

    public Resources {
        if (cpuMillis < 0 || memoryMb < 0 || gpu < 0) {
            throw new IllegalArgumentException("Resources cannot be negative: " + cpuMillis + "m, " + memoryMb + "MB, "
                    + gpu + " GPU");
        }
    }

    public Resources plus(Resources other) {
        return new Resources(cpuMillis + other.cpuMillis, memoryMb + other.memoryMb, gpu + other.gpu);
    }

    /** These resources less {@code other}; never below zero. */
    public Resources minus(Resources other) {
        return new Resources(Math.max(0, cpuMillis - other.cpuMillis), Math.max(0, memoryMb - other.memoryMb),
                Math.max(0, gpu - other.gpu));
    }

    public Resources times(int count) {
        return new Resources(cpuMillis * count, memoryMb * count, gpu * count);
    }

    /** Whether {@code demand} fits in these resources. */
    public boolean fits(Resources demand) {
        return demand.cpuMillis <= cpuMillis && demand.memoryMb <= memoryMb && demand.gpu <= gpu;
    }

    /** CPU in cores. */
    public double cpuCores() {
        return cpuMillis / 1000.0;
    }
}
