package io.resourcemanager.provisioner.domain.autoscale;

import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.PoolSpec;
import io.resourcemanager.provisioner.domain.saga.SagaStatus;
import io.resourcemanager.provisioner.domain.saga.Sagas;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Pools, medium workers and sagas for the autoscaler's tests. */
public final class AutoscaleFixtures {

    /** A burst pool of SPEC §3: 0..20, temporary workers. */
    public static final PoolSpec BURST = new PoolSpec("burst", 0, 20, Duration.ofHours(4), Duration.ofHours(12), null,
            Map.of("node-pool", "burst"), List.of("workload-type=burst:NoSchedule"), false);
    /** The permanent pool of SPEC §3: 3..10, protected. */
    public static final PoolSpec PERMANENT = new PoolSpec("permanent", 3, 10, null, null, null,
            Map.of("node-pool", "permanent"), List.of(), true);

    private AutoscaleFixtures() {
    }

    /** A Ready medium worker (7800 m CPU, 15360 MiB allocatable) of {@code pool}. */
    public static ObservedNode medium(String name, String pool) {
        return new ObservedNode(name, pool, "medium", 7_800, 15_360, 0, 100, true, true, Map.of("node-pool", pool));
    }

    /** A running provisioning of {@code worker}, asked for by {@code commandId}, begun at {@code at}. */
    public static WorkerSaga provisioning(String worker, String pool, String commandId, Instant at) {
        return Sagas.provision(worker, pool, "medium", null, commandId, "test", at);
    }

    /** A running provisioning of the {@code index}-th worker a command asked for, named as the saga runner names it. */
    public static WorkerSaga provisioning(String pool, String commandId, int index, Instant at) {
        return provisioning(Sagas.workerName(pool, commandId, index), pool, commandId, at);
    }

    /** A running decommissioning of {@code worker}, begun at {@code at}. */
    public static WorkerSaga decommissioning(String worker, String pool, String commandId, Instant at) {
        return Sagas.decommission(worker, pool, "medium", 100, commandId, "test", at);
    }

    /** The saga in {@code status}. */
    public static WorkerSaga inStatus(WorkerSaga saga, SagaStatus status) {
        return new WorkerSaga(saga.sagaId(), saga.kind(), status, saga.worker(), saga.pool(), saga.template(),
                saga.vmId(), saga.step(), saga.stepAttempt(), saga.commandId(), saga.reason(), saga.ttlHours(),
                saga.force(), saga.drainTimeout(), saga.repair(), saga.replacement(), saga.failure(), saga.failedStep(),
                saga.notBefore(), saga.startedAt(), saga.stepStartedAt(), saga.updatedAt());
    }
}
