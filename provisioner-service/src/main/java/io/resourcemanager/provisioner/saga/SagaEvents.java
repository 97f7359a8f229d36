package io.resourcemanager.provisioner.saga;

import io.micronaut.context.annotation.Value;
import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.HealthEventEnvelope;
import io.resourcemanager.events.NodeCordoned;
import io.resourcemanager.events.NodeDrained;
import io.resourcemanager.events.ProvisioningEventEnvelope;
import io.resourcemanager.events.ProvisioningFailed;
import io.resourcemanager.events.ProvisioningStepCompleted;
import io.resourcemanager.events.RepairCompleted;
import io.resourcemanager.events.RepairFailed;
import io.resourcemanager.events.RepairLevel;
import io.resourcemanager.events.VmCloned;
import io.resourcemanager.events.VmStarted;
import io.resourcemanager.provisioner.domain.saga.SagaFact;
import io.resourcemanager.provisioner.domain.saga.StepOutcome;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a saga's facts become: one per step on {@code rm.provisioning.events} (named events where
 * the catalogue has one, {@code ProvisioningStepCompleted} otherwise), {@code ProvisioningFailed}, and
 * {@code RepairCompleted} / {@code RepairFailed} on {@code rm.health.events} for repairs. Joins and
 * removals are announced by the inventory, which also keeps {@code rm.nodes}.
 */
@Singleton
final class SagaEvents {

    private final SagaHeaders headers;
    private final String hypervisorHost;

    SagaEvents(SagaHeaders headers, @Value("${rm.proxmox.node:pve1}") String hypervisorHost) {
        this.headers = headers;
        this.hypervisorHost = hypervisorHost;
    }

    List<Outgoing<?>> of(List<SagaFact> facts) {
        List<Outgoing<?>> records = new ArrayList<>();
        for (SagaFact fact : facts) {
            WorkerSaga saga = fact.saga();
            if (fact instanceof SagaFact.StepCompleted completed) {
                records.add(provisioning(saga, stepEvent(saga, completed)));
            } else if (fact instanceof SagaFact.Failed failed) {
                records.add(provisioning(saga, failure(failed)));
                if (saga.repair() != null) {
                    records.add(health(saga, RepairFailed.newBuilder().setRepairId(saga.repair().repairId())
                            .setNode(saga.repair().node()).setLevel(RepairLevel.valueOf(saga.repair().level()))
                            .setReason(failed.reason()).setRetriable(failed.retriable()).build()));
                }
            } else if (fact instanceof SagaFact.Succeeded && saga.repair() != null && saga.replacement() == null) {
                records.add(health(saga, RepairCompleted.newBuilder().setRepairId(saga.repair().repairId())
                        .setNode(saga.repair().node()).setLevel(RepairLevel.valueOf(saga.repair().level())).build()));
            }
        }
        return records;
    }

    private Object stepEvent(WorkerSaga saga, SagaFact.StepCompleted completed) {
        return switch (completed.step()) {
            case CLONE -> VmCloned.newBuilder().setWorker(saga.worker()).setPool(saga.pool())
                    .setTemplate(saga.template()).setVmId(saga.vmId()).setProxmoxNode(hypervisorHost)
                    .setCommandId(saga.commandId()).build();
            case START -> VmStarted.newBuilder().setWorker(saga.worker()).setPool(saga.pool())
                    .setVmId(saga.vmId()).setProxmoxNode(hypervisorHost).build();
            case CORDON -> NodeCordoned.newBuilder().setWorker(saga.worker()).setReason(saga.reason()).build();
            case DRAIN -> drained(saga, completed.outcome());
            default -> stepCompleted(saga, completed);
        };
    }

    private static NodeDrained drained(WorkerSaga saga, StepOutcome outcome) {
        StepOutcome.Drained drained = (StepOutcome.Drained) outcome;
        return NodeDrained.newBuilder().setWorker(saga.worker()).setPodsEvicted(drained.result().evicted())
                .setComplete(drained.result().complete()).build();
    }

    private static ProvisioningStepCompleted stepCompleted(WorkerSaga saga, SagaFact.StepCompleted completed) {
        return ProvisioningStepCompleted.newBuilder().setSagaId(saga.sagaId()).setWorker(saga.worker())
                .setPool(saga.pool()).setStep(SagaRecords.step(completed.step())).setVmId(saga.vmId())
                .setCommandId(saga.commandId()).build();
    }

    private static ProvisioningFailed failure(SagaFact.Failed failed) {
        WorkerSaga saga = failed.saga();
        return ProvisioningFailed.newBuilder().setWorker(saga.worker()).setPool(saga.pool())
                .setStep(SagaRecords.step(failed.step())).setReason(failed.reason()).setRetriable(failed.retriable())
                .setCompensated(failed.compensated()).setCommandId(saga.commandId()).build();
    }

    private Outgoing<ProvisioningEventEnvelope> provisioning(WorkerSaga saga, Object payload) {
        EventHeader header = headers.of(saga);
        return new Outgoing<>(Topics.PROVISIONING_EVENTS, saga.worker(),
                ProvisioningEventEnvelope.newBuilder().setHeader(header).setPayload(payload).build());
    }

    private Outgoing<HealthEventEnvelope> health(WorkerSaga saga, Object payload) {
        return new Outgoing<>(Topics.HEALTH_EVENTS, saga.worker(),
                HealthEventEnvelope.newBuilder().setHeader(headers.of(saga)).setPayload(payload).build());
    }
}
