package io.resourcemanager.provisioner.testing;

import io.resourcemanager.provisioner.domain.infra.ClusterMetrics;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;

/** Node usage and pending pods as a test sets them. Thread-safe. */
public final class FakeClusterMetrics implements ClusterMetrics {

    private final Faults faults = new Faults(EnumSet.of(Operation.NODE_USAGE, Operation.PENDING_PODS), new CallLog());
    private final Map<String, NodeUsage> usage = new TreeMap<>();
    private final Map<String, Integer> pending = new TreeMap<>();

    @Override
    public Map<String, NodeUsage> nodeUsage() {
        faults.before(Operation.NODE_USAGE, "node usage", false);
        synchronized (this) {
            return Map.copyOf(usage);
        }
    }

    @Override
    public Map<String, Integer> pendingPodsByPool() {
        faults.before(Operation.PENDING_PODS, "pending pods", false);
        synchronized (this) {
            return Map.copyOf(pending);
        }
    }

    /** The node uses this much; replaces what it used before. */
    public synchronized FakeClusterMetrics use(String node, long cpuMillis, long memoryMb) {
        usage.put(node, new NodeUsage(cpuMillis, memoryMb));
        return this;
    }

    /** The node reports no metrics (just joined, metrics server lagging, or gone). */
    public synchronized void forget(String node) {
        usage.remove(node);
    }

    /** {@code count} pods wait for {@code pool} ({@code ""}: no pool named); zero removes the entry. */
    public synchronized FakeClusterMetrics pending(String pool, int count) {
        if (count == 0) {
            pending.remove(pool);
        } else {
            pending.put(pool, count);
        }
        return this;
    }

    /** The next {@code times} calls of {@code operation} fail with {@code fault}. */
    public void failNext(Operation operation, int times, Fault fault) {
        faults.failNext(operation, times, fault);
    }
}
