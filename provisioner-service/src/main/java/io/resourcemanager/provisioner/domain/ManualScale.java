package io.resourcemanager.provisioner.domain;

import io.resourcemanager.provisioner.domain.autoscale.PoolSnapshot.WorkerLoad;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What an operator's "scale pool P to N workers" means (SPEC §5: always accepted within min and max):
 * provision the missing workers, or remove the surplus, emptiest first and those holding allocations
 * last. Workers of a protected pool are removed only when forced; a pool an enforced budget names does
 * not grow.
 */
public final class ManualScale {

    private ManualScale() {
    }

    /** The outcome of a scale request. */
    public sealed interface Order {
    }

    /** Provision {@code count} more workers. */
    public record Grow(int from, int count) implements Order {
    }

    /** Remove these workers. */
    public record Shrink(int from, List<String> nodes) implements Order {
    }

    /** The pool already has that many workers (counting those on their way). */
    public record Unchanged(int size) implements Order {
    }

    /** Bad request: outside the pool's bounds. */
    public record OutOfBounds(String reason) implements Order {
    }

    /** Not allowed: the pool's workers are protected. */
    public record Protected(String reason) implements Order {
    }

    /** Not allowed now: the pool would grow, but a budget enforced on it refuses scale-up. */
    public record Refused(String reason) implements Order {
    }

    /** The order that brings {@code pool} to {@code count} workers while no budget is enforced on it. */
    public static Order plan(PoolSpec pool, int count, List<WorkerLoad> workers, int provisioning, boolean force) {
        return plan(pool, count, workers, provisioning, force, Optional.empty());
    }

    /**
     * The order that brings {@code pool} to {@code count} workers.
     *
     * @param workers the pool's workers that are not being removed
     * @param provisioning workers of the pool being provisioned
     * @param force whether workers of a protected pool may be removed
     * @param scaleUpRefusal why the pool may not grow now (an enforced budget), if it may not
     */
    public static Order plan(PoolSpec pool, int count, List<WorkerLoad> workers, int provisioning, boolean force,
                             Optional<String> scaleUpRefusal) {
        var refusal = pool.refuseScaleTo(count);
        if (refusal.isPresent()) {
            return new OutOfBounds(refusal.get());
        }
        int current = workers.size() + provisioning;
        if (count > current) {
            return scaleUpRefusal.<Order>map(Refused::new).orElseGet(() -> new Grow(current, count - current));
        }
        if (count == current) {
            return new Unchanged(current);
        }
        if (pool.protectedPool() && !force) {
            return new Protected("pool " + pool.name() + " is protected: automation never removes its workers; "
                    + "an operator may scale it down with force=true");
        }
        List<String> surplus = workers.stream()
                .sorted(Comparator.comparing(WorkerLoad::holdsAllocations)
                        .thenComparingDouble(WorkerLoad::cpuUtilisation)
                        .thenComparing(WorkerLoad::node))
                .limit(Math.min(current - count, workers.size()))
                .map(WorkerLoad::node)
                .toList();
        return new Shrink(current, surplus);
    }
}
