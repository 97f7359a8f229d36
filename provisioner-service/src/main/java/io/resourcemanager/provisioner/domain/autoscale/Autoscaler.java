package io.resourcemanager.provisioner.domain.autoscale;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides how one pool should change (SPEC §5): grow on sustained queued demand or high utilisation,
 * within the pool's bounds and the scale-up cooldown, and not while workers it asked for are still on
 * their way; shrink gradually, emptiest workers first and never those holding allocations or still
 * joining, when the pool is below its utilisation targets and nothing waits. Protected pools and pools
 * whose usage is unknown are never shrunk; a pool an enforced budget names never grows (not even to its
 * minimum) until the enforcement is lifted.
 */
public final class Autoscaler {

    private static final Duration RECHECK = Duration.ofSeconds(30);

    private final AutoscaleSettings settings;

    public Autoscaler(AutoscaleSettings settings) {
        this.settings = settings;
    }

    /** The plan for {@code pool} at {@code now}; a scale-up a budget enforced on the pool refuses is not made. */
    public ScalePlan plan(PoolSnapshot pool, Instant now) {
        ScalePlan plan = unrestricted(pool, now);
        String refusal = pool.restraints().scaleUpRefusal();
        if (refusal != null && plan instanceof ScalePlan.ScaleUp up) {
            return new ScalePlan.Refused(up, refusal, RECHECK);
        }
        return plan;
    }

    private ScalePlan unrestricted(PoolSnapshot pool, Instant now) {
        int size = pool.workers().size();
        if (size < pool.min()) {
            return new ScalePlan.ScaleUp(pool.min() - size, "below the pool's minimum of " + pool.min());
        }
        Optional<String> growReason = growReason(pool, now);
        if (growReason.isPresent()) {
            return grow(pool, growReason.get(), now);
        }
        if (isOverProvisioned(pool) && size > pool.min()) {
            if (pool.restraints().protectedPool()) {
                return new ScalePlan.Hold("over-provisioned, but the pool is protected", RECHECK);
            }
            return shrink(pool, now);
        }
        return new ScalePlan.Hold("within targets", RECHECK);
    }

    private Optional<String> growReason(PoolSnapshot pool, Instant now) {
        if (pool.demandSince() != null && pool.demand() >= settings.demandThreshold()
                && !now.isBefore(pool.demandSince().plus(settings.demandFor()))) {
            return Optional.of("queued demand of " + pool.demand() + " for at least " + settings.demandFor().toSeconds()
                    + " s");
        }
        if (pool.highUtilisationSince() != null
                && !now.isBefore(pool.highUtilisationSince().plus(settings.utilisationFor()))) {
            return Optional.of(String.format("utilisation CPU %.0f%% / memory %.0f%% above its limit for at least %d s",
                    pool.cpuUtilisation() * 100, pool.memoryUtilisation() * 100,
                    settings.utilisationFor().toSeconds()));
        }
        return Optional.empty();
    }

    private ScalePlan grow(PoolSnapshot pool, String reason, Instant now) {
        int size = pool.workers().size();
        if (size >= pool.max()) {
            return new ScalePlan.Hold(reason + ", but the pool is at its maximum of " + pool.max(), RECHECK);
        }
        Optional<Duration> cooling = remaining(pool.lastScaleUp(), settings.upCooldown(), now);
        if (cooling.isPresent()) {
            return new ScalePlan.Hold(reason + ", but the scale-up cooldown runs", cooling.get());
        }
        int inFlight = pool.restraints().provisioningsInFlight();
        if (inFlight > 0) {
            return new ScalePlan.Hold(reason + ", but " + inFlight + " workers asked for are still being provisioned",
                    RECHECK);
        }
        int wanted = pool.demand() >= settings.demandThreshold()
                ? (pool.demand() + settings.demandThreshold() - 1) / settings.demandThreshold() : 1;
        return new ScalePlan.ScaleUp(Math.min(wanted, pool.max() - size), reason);
    }

    private ScalePlan shrink(PoolSnapshot pool, Instant now) {
        Duration window = settings.downCooldown().compareTo(settings.downWindow()) > 0
                ? settings.downCooldown() : settings.downWindow();
        Optional<Duration> cooling = remaining(pool.lastScaleDown(), window, now)
                .or(() -> remaining(pool.lastScaleUp(), settings.downCooldown(), now));
        if (cooling.isPresent()) {
            return new ScalePlan.Hold("over-provisioned, but the scale-down cooldown runs", cooling.get());
        }
        int size = pool.workers().size();
        int allowed = Math.min(size - pool.min(), Math.max(1, (int) Math.floor(size * settings.maxDownShare())));
        List<String> emptiest = pool.workers().stream()
                .filter(worker -> !worker.holdsAllocations() && !worker.joining())
                .sorted(Comparator.comparingDouble(PoolSnapshot.WorkerLoad::cpuUtilisation)
                        .thenComparing(PoolSnapshot.WorkerLoad::node))
                .limit(allowed)
                .map(PoolSnapshot.WorkerLoad::node)
                .toList();
        if (emptiest.isEmpty()) {
            return new ScalePlan.Hold("over-provisioned, but every worker holds allocations or is still joining",
                    RECHECK);
        }
        return new ScalePlan.ScaleDown(emptiest, String.format("utilisation CPU %.0f%% / memory %.0f%% below target",
                pool.cpuUtilisation() * 100, pool.memoryUtilisation() * 100));
    }

    private boolean isOverProvisioned(PoolSnapshot pool) {
        return pool.demand() == 0 && !pool.restraints().utilisationUnknown()
                && pool.cpuUtilisation() < settings.lowCpu() && pool.memoryUtilisation() < settings.lowMemory();
    }

    private static Optional<Duration> remaining(Instant since, Duration period, Instant now) {
        if (since == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, since.plus(period));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }
}
