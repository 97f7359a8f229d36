package io.resourcemanager.health.domain.repair;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ladders and guardrails of SPEC §7 as plain values.
 *
 * @param ladders the rungs per signal, in the order they are climbed
 * @param maxAttempts repairs one node gets in one episode before the service gives up and alerts (3)
 * @param cooldown how long a recovered node's episode is remembered: a relapse within it continues the
 *                 ladder (and its attempts) instead of starting again (15 min)
 * @param poolShare the share of a pool that may be under repair at once (0.2; at least one node)
 * @param globalCap how many nodes may be under repair at once in the whole cluster
 * @param repairTimeout how long a repair may stay unanswered before the next rung may be tried
 */
public record RepairPolicy(Map<Signal, List<Rung>> ladders, int maxAttempts, Duration cooldown, double poolShare,
                           int globalCap, Duration repairTimeout) {

    /** SPEC §7 defaults: NotReady 5 / 10 / 20 min, DiskPressure now and 5 min, MemoryPressure 10 min, crash loops 3 / 5 / 7. */
    public static final RepairPolicy DEFAULTS = new RepairPolicy(Map.of(
            Signal.NOT_READY, List.of(
                    Rung.after(Duration.ofMinutes(5), Remedy.RESTART_KUBELET),
                    Rung.after(Duration.ofMinutes(10), Remedy.REBOOT),
                    Rung.after(Duration.ofMinutes(20), Remedy.REPLACE)),
            Signal.DISK_PRESSURE, List.of(
                    Rung.after(Duration.ZERO, Remedy.CLEAN_IMAGES),
                    Rung.after(Duration.ofMinutes(5), Remedy.CLEAN_IMAGES)),
            Signal.MEMORY_PRESSURE, List.of(
                    Rung.after(Duration.ofMinutes(10), Remedy.DRAIN_AND_REBOOT)),
            Signal.KUBELET_CRASH_LOOP, List.of(
                    Rung.atRestarts(3, Remedy.RESTART_KUBELET),
                    Rung.atRestarts(5, Remedy.REBOOT),
                    Rung.atRestarts(7, Remedy.REPLACE))),
            3, Duration.ofMinutes(15), 0.2, 10, Duration.ofMinutes(30));

    public RepairPolicy {
        ladders = Map.copyOf(ladders);
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(repairTimeout, "repairTimeout");
        if (maxAttempts < 1 || globalCap < 1) {
            throw new IllegalArgumentException("maxAttempts and globalCap must be at least 1");
        }
        if (poolShare <= 0 || poolShare > 1) {
            throw new IllegalArgumentException("poolShare must be a fraction above 0 and at most 1: " + poolShare);
        }
    }

    /** The rungs for {@code signal}, in climbing order (empty when it is never repaired). */
    public List<Rung> ladder(Signal signal) {
        return ladders.getOrDefault(signal, List.of());
    }

    /** How many nodes of a pool of {@code poolSize} may be under repair at once: the share, but at least one. */
    public int poolBudget(int poolSize) {
        return Math.max(1, (int) Math.floor(poolSize * poolShare));
    }
}
