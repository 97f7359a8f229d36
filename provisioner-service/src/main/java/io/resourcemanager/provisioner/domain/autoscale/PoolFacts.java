package io.resourcemanager.provisioner.domain.autoscale;

import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.PoolSpec;
import io.resourcemanager.provisioner.domain.infra.ClusterMetrics.NodeUsage;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything read about one pool at one tick, before it becomes a {@link PoolSnapshot}.
 *
 * @param pool the pool
 * @param knownWorkers workers the inventory knows, of every pool
 * @param sagas every saga, of every pool, finished ones included
 * @param usage CPU and memory in use per node
 * @param queuedAllocations queued allocations that count as demand for this pool
 * @param pendingPods pods waiting for a node of this pool
 * @param nodesHoldingAllocations nodes on which active allocations have workers
 * @param scaleUpRefusal why the pool may not grow (a budget enforced on it), or null if it may
 */
public record PoolFacts(PoolSpec pool, List<ObservedNode> knownWorkers, List<WorkerSaga> sagas,
                        Map<String, NodeUsage> usage, int queuedAllocations, int pendingPods,
                        Set<String> nodesHoldingAllocations, String scaleUpRefusal) {

    public PoolFacts {
        Objects.requireNonNull(pool, "pool");
        knownWorkers = List.copyOf(knownWorkers);
        sagas = List.copyOf(sagas);
        usage = Map.copyOf(usage);
        nodesHoldingAllocations = Set.copyOf(nodesHoldingAllocations);
    }

    /** The facts of a pool no budget holds back. */
    public PoolFacts(PoolSpec pool, List<ObservedNode> knownWorkers, List<WorkerSaga> sagas,
                     Map<String, NodeUsage> usage, int queuedAllocations, int pendingPods,
                     Set<String> nodesHoldingAllocations) {
        this(pool, knownWorkers, sagas, usage, queuedAllocations, pendingPods, nodesHoldingAllocations, null);
    }

    /** Queued allocations and pending pods together. */
    public int demand() {
        return queuedAllocations + pendingPods;
    }
}
