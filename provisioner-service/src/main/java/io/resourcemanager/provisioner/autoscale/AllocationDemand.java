package io.resourcemanager.provisioner.autoscale;

import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationQueued;
import io.resourcemanager.events.AllocationState;
import io.resourcemanager.events.AllocationStatus;
import io.resourcemanager.events.WorkerAssignment;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The allocations the autoscaler cares about, kept up to date from {@code rm.allocations} (state per
 * allocation) and {@code rm.allocation.events} (whether a queued allocation counts as demand):
 * <ul>
 *   <li>per pool, the queued allocations that count as demand; an allocation naming no target pool is
 *       demand for the default pool ({@code rm.provisioner.autoscale.default-pool});</li>
 *   <li>the nodes on which unfinished allocations hold workers: never removed by the autoscaler.</li>
 * </ul>
 * An {@code AllocationQueued} with {@code counts_as_demand=false} (blocked by a quota) keeps its
 * allocation out of the demand until a later {@code AllocationQueued} says otherwise. The two topics
 * are read side by side, so an event may be seen before or after the state it goes with; a quota mark
 * is dropped with its allocation only by a final state written after it. Fed by {@link AllocationFeed};
 * thread-safe.
 */
@Singleton
public final class AllocationDemand {

    private static final Set<AllocationStatus> FINAL = EnumSet.of(AllocationStatus.RELEASED, AllocationStatus.FAILED,
            AllocationStatus.EXPIRED, AllocationStatus.PREEMPTED, AllocationStatus.UNKNOWN);

    private final String defaultPool;
    private final Map<String, Tracked> allocations = new HashMap<>();
    private final Map<String, Instant> quotaBlocked = new HashMap<>();
    private volatile boolean caughtUp;

    private record Tracked(AllocationStatus status, String pool, Set<String> nodes) {
    }

    @Inject
    AllocationDemand(AutoscaleProperties properties) {
        this(properties.defaultPool());
    }

    AllocationDemand(String defaultPool) {
        this.defaultPool = defaultPool;
    }

    /** The latest state of allocation {@code id}; null for a tombstone. */
    public synchronized void onState(String id, AllocationState state) {
        String key = id != null ? id : state == null ? null : state.getAllocationId();
        if (key == null) {
            return;
        }
        if (state == null || FINAL.contains(state.getState())) {
            allocations.remove(key);
            Instant blockedAt = quotaBlocked.get(key);
            if (blockedAt != null && (state == null || !blockedAt.isAfter(state.getHeader().getOccurredAt()))) {
                quotaBlocked.remove(key);
            }
            return;
        }
        String target = state.getTargetPool();
        String pool = target == null || target.isBlank() ? defaultPool : target;
        Set<String> nodes = state.getWorkers().stream().map(WorkerAssignment::getNode).collect(Collectors.toSet());
        allocations.put(key, new Tracked(state.getState(), pool, Set.copyOf(nodes)));
    }

    /** An outcome of allocation {@code id}: only {@code AllocationQueued} matters here. */
    public synchronized void onEvent(String id, AllocationEventEnvelope event) {
        if (event == null || !(event.getPayload() instanceof AllocationQueued queued)) {
            return;
        }
        String key = id != null ? id : queued.getAllocationId();
        if (queued.getCountsAsDemand()) {
            quotaBlocked.remove(key);
        } else {
            quotaBlocked.put(key, event.getHeader().getOccurredAt());
        }
    }

    /** The feed has read both topics up to where they ended when it started. */
    void caughtUp() {
        caughtUp = true;
    }

    /** Whether the view has caught up with the topics: before, it knows too little to act on. */
    public boolean ready() {
        return caughtUp;
    }

    /** Queued allocations that count as demand, per pool; pools without any are absent. */
    public synchronized Map<String, Integer> queuedByPool() {
        Map<String, Integer> queued = new TreeMap<>();
        allocations.forEach((id, allocation) -> {
            if (allocation.status() == AllocationStatus.QUEUED && !quotaBlocked.containsKey(id)) {
                queued.merge(allocation.pool(), 1, Integer::sum);
            }
        });
        return queued;
    }

    /** Queued allocations left out of the demand because a quota blocks them. */
    public synchronized int quotaBlockedCount() {
        return (int) allocations.entrySet().stream()
                .filter(entry -> entry.getValue().status() == AllocationStatus.QUEUED)
                .filter(entry -> quotaBlocked.containsKey(entry.getKey()))
                .count();
    }

    /** Nodes on which allocations that have not finished hold workers. */
    public synchronized Set<String> nodesHoldingAllocations() {
        Set<String> nodes = new TreeSet<>();
        allocations.values().forEach(allocation -> nodes.addAll(allocation.nodes()));
        return nodes;
    }
}
