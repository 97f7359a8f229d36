package io.resourcemanager.provisioner.budget;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The pools enforced budgets keep from growing, as read from {@code rm.cost.enforcements} by
 * {@link EnforcementFeed}: a pool is blocked while any enforced budget names it. Scale-down is never
 * blocked. Thread-safe: the feed writes, the API and the autoscaler read.
 */
@Singleton
public final class EnforcedPools {

    private final Map<String, Enforcement> byBudget = new TreeMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);

    /** An enforced budget that names a pool. */
    private record Enforcement(String pool, String reason) {
    }

    /** Budget {@code budget} is enforced on {@code pool} (null: it names no pool), for {@code reason}. */
    public synchronized void enforce(String budget, String pool, String reason) {
        if (pool == null) {
            byBudget.remove(budget);
        } else {
            byBudget.put(budget, new Enforcement(pool, reason));
        }
    }

    /** Budget {@code budget} is no longer enforced (its period rolled over). */
    public synchronized void lift(String budget) {
        byBudget.remove(budget);
    }

    /**
     * Why {@code pool} may not grow, if it may not: the reason of the first enforced budget (by name) that
     * names it; while the topic has not been read to its end, that it is still being read.
     */
    public synchronized Optional<String> refusal(String pool) {
        if (!ready()) {
            return Optional.of("Budget enforcements are still being read; scale-up of pool " + pool
                    + " is refused until they are");
        }
        return byBudget.values().stream().filter(enforcement -> enforcement.pool().equals(pool))
                .map(Enforcement::reason).findFirst();
    }

    /** Whether the enforcements the topic held at start have all been read. */
    public boolean ready() {
        return caughtUp.getCount() == 0;
    }

    /** The topic has been read to the end it had at start. */
    public void caughtUp() {
        caughtUp.countDown();
    }

    /** Waits at most {@code timeout} for {@link #caughtUp()}; whether it happened. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
