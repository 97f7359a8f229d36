package io.resourcemanager.provisioner.reconcile;

import io.resourcemanager.provisioner.config.PoolCatalog;
import io.resourcemanager.provisioner.config.SagaProperties;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.PoolSpec;
import io.resourcemanager.provisioner.domain.WorkerLabels;
import io.resourcemanager.provisioner.domain.infra.ClusterNodes;
import io.resourcemanager.provisioner.domain.infra.Hypervisor;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import io.resourcemanager.provisioner.domain.infra.VmInfo;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileAction;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileAction.AdoptNode;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileAction.ForgetNode;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileAction.RemoveOrphanVm;
import io.resourcemanager.provisioner.domain.saga.SagaPolicy;
import io.resourcemanager.provisioner.domain.saga.SagaStep;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one reconcile action. The plan was made from a snapshot a moment ago, so each action
 * first checks that it is still due: no saga has started on the worker since, and the VM or node is
 * still the one the plan saw. Failures of the outside world propagate as {@link InfraException}.
 */
@Singleton
final class ActionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ActionRunner.class);

    private final Hypervisor hypervisor;
    private final ClusterNodes cluster;
    private final ReconcileInventory inventory;
    private final InFlightWorkers inFlight;
    private final Function<String, Optional<PoolSpec>> pools;
    private final Duration forceStopAfter;
    private final Duration deleteTimeout;
    private final Clock clock;

    @Inject
    ActionRunner(Hypervisor hypervisor, ClusterNodes cluster, ReconcileInventory inventory, InFlightWorkers inFlight,
                 PoolCatalog catalog, SagaProperties saga, Clock clock) {
        this(hypervisor, cluster, inventory, inFlight, catalog::pool, saga.policy(), clock);
    }

    ActionRunner(Hypervisor hypervisor, ClusterNodes cluster, ReconcileInventory inventory, InFlightWorkers inFlight,
                 Function<String, Optional<PoolSpec>> pools, SagaPolicy policy, Clock clock) {
        this.hypervisor = hypervisor;
        this.cluster = cluster;
        this.inventory = inventory;
        this.inFlight = inFlight;
        this.pools = pools;
        this.forceStopAfter = policy.forceStopAfter();
        this.deleteTimeout = policy.stepTimeouts().get(SagaStep.DELETE_VM);
        this.clock = clock;
    }

    /**
     * Carries out {@code action}.
     *
     * @return false when it is no longer due and nothing was done (the reason is logged)
     */
    boolean carryOut(ReconcileAction action) {
        if (sagaStarted(action.name())) {
            return false;
        }
        if (action instanceof RemoveOrphanVm remove) {
            return remove(remove.vm());
        }
        if (action instanceof AdoptNode adopt) {
            return adopt(adopt);
        }
        if (action instanceof ForgetNode forget) {
            return forget(forget);
        }
        return true;
    }

    private boolean remove(VmInfo seen) {
        Optional<VmInfo> current = hypervisor.find(seen.vmId());
        if (current.isEmpty()) {
            return skipped(seen.name(), "VM " + seen.vmId() + " is already gone");
        }
        VmInfo vm = current.get();
        if (!vm.managed() || !vm.name().equals(seen.name())) {
            return skipped(seen.name(), "VM " + seen.vmId() + " is now " + vm.name()
                    + (vm.managed() ? "" : ", not ours"));
        }
        if (seen.power() == VmInfo.VmPower.STOPPED && vm.power() != VmInfo.VmPower.STOPPED) {
            return skipped(seen.name(), "VM " + seen.vmId() + " has been started since it was seen stopped");
        }
        hypervisor.shutdown(vm.vmId(), forceStopAfter);
        if (sagaStarted(vm.name())) {
            LOG.warn("VM {} ({}) was shut down but not deleted: a saga started on it meanwhile", vm.vmId(), vm.name());
            return false;
        }
        hypervisor.delete(vm.vmId(), deleteTimeout);
        return true;
    }

    /** Labels the node for its pool when it has no pool label yet (a TTL counts from now), then announces it. */
    private boolean adopt(AdoptNode action) {
        String name = action.name();
        Optional<ObservedNode> current = cluster.find(name);
        if (current.isEmpty() || !current.get().ready()) {
            return skipped(name, "node " + name + " is " + (current.isEmpty() ? "gone" : "no longer Ready"));
        }
        ObservedNode node = current.get();
        if (node.pool().isEmpty()) {
            PoolSpec pool = pools.apply(action.pool()).orElseThrow(() -> new InfraException.Permanent(
                    "Pool " + action.pool() + " of node " + name + " is not configured"));
            Map<String, String> labels = new LinkedHashMap<>(WorkerLabels.of(pool, action.vm().template(),
                    action.vm().vmId(), null, clock.instant()));
            labels.values().removeIf(Objects::isNull);
            cluster.label(name, labels, pool.taints());
            node = cluster.find(name).orElseThrow(() -> new InfraException.Retriable(
                    "Node " + name + " vanished while it was being adopted"));
        } else if (!node.pool().equals(action.pool())) {
            return skipped(name, "node " + name + " is now labelled for pool " + node.pool());
        }
        inventory.adopt(node);
        return true;
    }

    private boolean forget(ForgetNode action) {
        if (cluster.find(action.name()).isPresent()) {
            return skipped(action.name(), "node " + action.name() + " has registered again");
        }
        inventory.forget(action.name(), action.pool(), action.reason());
        return true;
    }

    private boolean sagaStarted(String name) {
        if (!inFlight.names().contains(name)) {
            return false;
        }
        skipped(name, "a saga started on " + name + " since the plan");
        return true;
    }

    private static boolean skipped(String name, String why) {
        LOG.info("Reconcile action on {} no longer due: {}", name, why);
        return false;
    }
}
