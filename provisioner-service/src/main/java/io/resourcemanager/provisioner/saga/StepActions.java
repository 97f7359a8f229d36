package io.resourcemanager.provisioner.saga;

import io.resourcemanager.provisioner.config.PoolCatalog;
import io.resourcemanager.provisioner.config.SagaProperties;
import io.resourcemanager.provisioner.domain.PoolSpec;
import io.resourcemanager.provisioner.domain.TemplateSpec;
import io.resourcemanager.provisioner.domain.WorkerLabels;
import io.resourcemanager.provisioner.domain.infra.ClusterNodes;
import io.resourcemanager.provisioner.domain.infra.DrainPolicy;
import io.resourcemanager.provisioner.domain.infra.Hypervisor;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import io.resourcemanager.provisioner.domain.infra.NodeAgent;
import io.resourcemanager.provisioner.domain.infra.VmInfo;
import io.resourcemanager.provisioner.domain.infra.VmSettings;
import io.resourcemanager.provisioner.domain.saga.SagaPolicy;
import io.resourcemanager.provisioner.domain.saga.SagaStep;
import io.resourcemanager.provisioner.domain.saga.StepOutcome;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * Carries out one step of a saga against the hypervisor, the cluster and the node agent. Each step
 * checks before it acts, so running it again after a crash or a lost answer is harmless. Failures of
 * the outside world come back as {@link StepOutcome.Failed}, classified retriable or permanent.
 */
@Singleton
public class StepActions {

    private final Hypervisor hypervisor;
    private final ClusterNodes nodes;
    private final NodeAgent agent;
    private final PoolCatalog catalog;
    private final SagaProperties properties;
    private final SagaPolicy policy;

    public StepActions(Hypervisor hypervisor, ClusterNodes nodes, NodeAgent agent, PoolCatalog catalog,
                       SagaProperties properties) {
        this.hypervisor = hypervisor;
        this.nodes = nodes;
        this.agent = agent;
        this.catalog = catalog;
        this.properties = properties;
        this.policy = properties.policy();
    }

    /** Runs the saga's current step, allowing it {@code time}. */
    public StepOutcome run(WorkerSaga saga, Duration time) {
        try {
            return perform(saga, time);
        } catch (InfraException.Retriable e) {
            return new StepOutcome.Failed(true, e.getMessage(), e.retryAfter().orElse(null));
        } catch (InfraException e) {
            return new StepOutcome.Failed(false, e.getMessage());
        }
    }

    private StepOutcome perform(WorkerSaga saga, Duration time) {
        String worker = saga.worker();
        switch (saga.step()) {
            case CLONE -> {
                VmInfo vm = hypervisor.ensureCloned(worker, template(saga).templateVmId(), properties.fullClone(), time);
                return new StepOutcome.Cloned(vm.vmId());
            }
            case CONFIGURE -> {
                TemplateSpec template = template(saga);
                hypervisor.configure(requireVm(saga), new VmSettings(worker, saga.pool(), template.name(),
                        template.cores(), template.memoryMb(), properties.machineConfigFor(saga.pool())), time);
            }
            case START -> hypervisor.start(requireVm(saga), time);
            case BOOT -> nodes.await(worker, false, time);
            case JOIN -> nodes.await(worker, true, time);
            case LABEL -> nodes.label(worker, WorkerLabels.of(pool(saga), saga.template(), saga.vmId(),
                    saga.ttlHours(), saga.stepStartedAt()), pool(saga).taints());
            case CORDON, UNCORDON -> {
                if (nodes.find(worker).isPresent()) {
                    nodes.cordon(worker, saga.step() == SagaStep.CORDON);
                }
            }
            case DRAIN -> {
                return new StepOutcome.Drained(nodes.drain(worker, drainPolicy(saga)));
            }
            case DELETE_NODE -> nodes.delete(worker);
            case SHUTDOWN -> vm(saga).ifPresent(vmId -> hypervisor.shutdown(vmId, policy.forceStopAfter()));
            case DELETE_VM -> vm(saga).ifPresent(vmId -> hypervisor.delete(vmId, time));
            case REBOOT -> hypervisor.reboot(requireVm(saga), time);
            case RESTART_KUBELET -> agent.restartKubelet(worker);
            default -> throw new IllegalStateException("No action for step " + saga.step());
        }
        return new StepOutcome.Done();
    }

    private DrainPolicy drainPolicy(WorkerSaga saga) {
        DrainPolicy drain = policy.drain();
        return saga.drainTimeout() == null ? drain
                : new DrainPolicy(min(drain.gracePeriod(), saga.drainTimeout()), drain.batchSize(), drain.batchPause(),
                        saga.drainTimeout());
    }

    /** The worker's VM: the id the saga knows, else whatever VM carries the worker's name. */
    private Optional<Integer> vm(WorkerSaga saga) {
        Optional<VmInfo> known = saga.vmId() == null ? Optional.empty()
                : hypervisor.find(saga.vmId()).filter(vm -> vm.name().equals(saga.worker()));
        return known.or(() -> hypervisor.findByName(saga.worker())).map(VmInfo::vmId);
    }

    private int requireVm(WorkerSaga saga) {
        return vm(saga).orElseThrow(() -> new InfraException.Permanent("Worker " + saga.worker() + " has no VM"));
    }

    private PoolSpec pool(WorkerSaga saga) {
        return catalog.pool(saga.pool())
                .orElseThrow(() -> new InfraException.Permanent("Pool " + saga.pool() + " is not configured"));
    }

    private TemplateSpec template(WorkerSaga saga) {
        return catalog.template(String.valueOf(saga.template()))
                .orElseThrow(() -> new InfraException.Permanent("Template " + saga.template() + " is not configured"));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
