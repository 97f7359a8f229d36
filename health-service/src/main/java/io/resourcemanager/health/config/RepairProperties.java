package io.resourcemanager.health.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.resourcemanager.health.domain.repair.Remedy;
import io.resourcemanager.health.domain.repair.RepairPolicy;
import io.resourcemanager.health.domain.repair.Rung;
import io.resourcemanager.health.domain.repair.Signal;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The repair ladder's timings and guardrails (SPEC §7), under {@value #PREFIX}.
 *
 * @param notReadyRestart NotReady this long → restart the kubelet
 * @param notReadyReboot NotReady this long → reboot
 * @param notReadyReplace NotReady this long → replace (drain, remove, provision a new one)
 * @param diskPrune DiskPressure → clean images at once, and again after this long
 * @param memoryDrain MemoryPressure this long → drain and reboot
 * @param crashRestart kubelet restarts → restart it
 * @param crashReboot kubelet restarts → reboot
 * @param crashReplace kubelet restarts → replace
 * @param maxAttempts repairs per node and episode before giving up (alert {@code auto_repair_failure})
 * @param cooldown how long a recovered node's episode is remembered (a relapse escalates)
 * @param poolShare share of a pool under repair at once (at least one node)
 * @param globalCap nodes under repair at once in the cluster
 * @param repairTimeout how long a repair may stay unanswered
 * @param tick how often the ladder decides for every node
 */
@ConfigurationProperties(RepairProperties.PREFIX)
public record RepairProperties(@Bindable(defaultValue = "5m") @NotNull Duration notReadyRestart,
                               @Bindable(defaultValue = "10m") @NotNull Duration notReadyReboot,
                               @Bindable(defaultValue = "20m") @NotNull Duration notReadyReplace,
                               @Bindable(defaultValue = "5m") @NotNull Duration diskPrune,
                               @Bindable(defaultValue = "10m") @NotNull Duration memoryDrain,
                               @Bindable(defaultValue = "3") @Min(1) int crashRestart,
                               @Bindable(defaultValue = "5") @Min(1) int crashReboot,
                               @Bindable(defaultValue = "7") @Min(1) int crashReplace,
                               @Bindable(defaultValue = "3") @Min(1) int maxAttempts,
                               @Bindable(defaultValue = "15m") @NotNull Duration cooldown,
                               @Bindable(defaultValue = "0.2") @DecimalMin("0.01") @DecimalMax("1") double poolShare,
                               @Bindable(defaultValue = "10") @Min(1) int globalCap,
                               @Bindable(defaultValue = "30m") @NotNull Duration repairTimeout,
                               @Bindable(defaultValue = "5s") @NotNull Duration tick) {

    /** Configuration prefix. */
    public static final String PREFIX = "rm.health.repair";

    /** The ladders and guardrails as a plain domain value. */
    public RepairPolicy policy() {
        return new RepairPolicy(Map.of(
                Signal.NOT_READY, List.of(Rung.after(notReadyRestart, Remedy.RESTART_KUBELET),
                        Rung.after(notReadyReboot, Remedy.REBOOT), Rung.after(notReadyReplace, Remedy.REPLACE)),
                Signal.DISK_PRESSURE, List.of(Rung.after(Duration.ZERO, Remedy.CLEAN_IMAGES),
                        Rung.after(diskPrune, Remedy.CLEAN_IMAGES)),
                Signal.MEMORY_PRESSURE, List.of(Rung.after(memoryDrain, Remedy.DRAIN_AND_REBOOT)),
                Signal.KUBELET_CRASH_LOOP, List.of(Rung.atRestarts(crashRestart, Remedy.RESTART_KUBELET),
                        Rung.atRestarts(crashReboot, Remedy.REBOOT), Rung.atRestarts(crashReplace, Remedy.REPLACE))),
                maxAttempts, cooldown, poolShare, globalCap, repairTimeout);
    }

    /** The SPEC defaults (for tests and tools that build the topology by hand). */
    public static RepairProperties defaults() {
        return new RepairProperties(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20),
                Duration.ofMinutes(5), Duration.ofMinutes(10), 3, 5, 7, 3, Duration.ofMinutes(15), 0.2, 10,
                Duration.ofMinutes(30), Duration.ofSeconds(5));
    }
}
