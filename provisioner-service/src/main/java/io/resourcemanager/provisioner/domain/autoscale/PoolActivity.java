package io.resourcemanager.provisioner.domain.autoscale;

import io.resourcemanager.provisioner.domain.saga.SagaKind;
import io.resourcemanager.provisioner.domain.saga.SagaStatus;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the sagas say about one pool's size: workers on their way in, workers on their way out, and
 * when the pool last grew and shrank. Read from the durable saga state, so it survives restarts.
 *
 * @param joining workers being provisioned (a provisioning that is compensating brings no worker)
 * @param leaving workers being removed without a replacement (waiting for their start or running)
 * @param autoscaleProvisions how many of the joining workers the autoscaler asked for
 * @param lastScaleUp when the latest provisioning in the pool began, or null
 * @param lastScaleDown when the latest decommissioning in the pool began, or null
 */
public record PoolActivity(Set<String> joining, Set<String> leaving, int autoscaleProvisions, Instant lastScaleUp,
                           Instant lastScaleDown) {

    public PoolActivity {
        joining = Set.copyOf(joining);
        leaving = Set.copyOf(leaving);
    }

    /** The activity of {@code pool} among {@code sagas} (of every pool, finished ones included). */
    public static PoolActivity of(String pool, Collection<WorkerSaga> sagas) {
        Set<WorkerSaga> own = sagas.stream().filter(saga -> saga.pool().equals(pool)).collect(Collectors.toSet());
        Set<WorkerSaga> provisioning = own.stream()
                .filter(saga -> saga.kind() == SagaKind.PROVISION && saga.status() == SagaStatus.RUNNING)
                .collect(Collectors.toSet());
        Set<String> leaving = own.stream()
                .filter(saga -> saga.kind() == SagaKind.DECOMMISSION && !saga.finished() && saga.replacement() == null)
                .map(WorkerSaga::worker)
                .collect(Collectors.toSet());
        int byAutoscaler = (int) provisioning.stream()
                .filter(saga -> ScaleCommandIds.isAutoscale(saga.commandId())).count();
        return new PoolActivity(provisioning.stream().map(WorkerSaga::worker).collect(Collectors.toSet()), leaving,
                byAutoscaler, latestStart(own, SagaKind.PROVISION), latestStart(own, SagaKind.DECOMMISSION));
    }

    private static Instant latestStart(Set<WorkerSaga> sagas, SagaKind kind) {
        return sagas.stream().filter(saga -> saga.kind() == kind).map(WorkerSaga::startedAt)
                .max(Comparator.naturalOrder()).orElse(null);
    }
}
