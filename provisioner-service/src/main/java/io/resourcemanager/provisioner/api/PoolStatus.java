package io.resourcemanager.provisioner.api;

import io.resourcemanager.provisioner.autoscale.AllocationDemand;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.PoolSpec;
import io.resourcemanager.provisioner.domain.autoscale.PoolSnapshot.WorkerLoad;
import io.resourcemanager.provisioner.domain.infra.ClusterMetrics;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import io.resourcemanager.provisioner.domain.saga.SagaKind;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import io.resourcemanager.provisioner.saga.SagaStore;
import io.resourcemanager.provisioner.saga.WorkerDirectory;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A pool's workers as the API reports and scales them: known workers plus the sagas under way. */
@Singleton
class PoolStatus {

    private final WorkerDirectory workers;
    private final SagaStore sagas;
    private final ClusterMetrics metrics;
    private final AllocationDemand allocations;

    PoolStatus(WorkerDirectory workers, SagaStore sagas, ClusterMetrics metrics, AllocationDemand allocations) {
        this.workers = workers;
        this.sagas = sagas;
        this.metrics = metrics;
        this.allocations = allocations;
    }

    /** The pool's known workers. */
    List<ObservedNode> members(PoolSpec pool) {
        return workers.knownWorkers().stream().filter(worker -> worker.pool().equals(pool.name())).toList();
    }

    /** Unfinished sagas of {@code kind} in the pool. */
    List<WorkerSaga> underway(PoolSpec pool, SagaKind kind) {
        return sagas.active().stream().filter(saga -> saga.pool().equals(pool.name()) && saga.kind() == kind).toList();
    }

    /**
     * The pool's workers that are not being removed, with their CPU utilisation where the metrics API has
     * it and whether active allocations hold them (those are removed last).
     */
    List<WorkerLoad> loads(PoolSpec pool) {
        Set<String> removing = removing(pool);
        Map<String, ClusterMetrics.NodeUsage> usage = usage();
        Set<String> held = allocations.nodesHoldingAllocations();
        return members(pool).stream().filter(worker -> !removing.contains(worker.name()))
                .map(worker -> new WorkerLoad(worker.name(), utilisation(worker, usage.get(worker.name())),
                        held.contains(worker.name())))
                .toList();
    }

    /** Workers the pool will have once the sagas under way finished (no metrics needed). */
    int desired(PoolSpec pool) {
        Set<String> removing = removing(pool);
        long staying = members(pool).stream().filter(worker -> !removing.contains(worker.name())).count();
        return (int) staying + underway(pool, SagaKind.PROVISION).size();
    }

    private Set<String> removing(PoolSpec pool) {
        return underway(pool, SagaKind.DECOMMISSION).stream().map(WorkerSaga::worker).collect(Collectors.toSet());
    }

    private Map<String, ClusterMetrics.NodeUsage> usage() {
        try {
            return metrics.nodeUsage();
        } catch (InfraException e) {
            return Map.of();
        }
    }

    private static double utilisation(ObservedNode worker, ClusterMetrics.NodeUsage usage) {
        if (usage == null || worker.cpuMillis() == 0) {
            return 0;
        }
        return (double) usage.cpuMillis() / worker.cpuMillis();
    }
}
