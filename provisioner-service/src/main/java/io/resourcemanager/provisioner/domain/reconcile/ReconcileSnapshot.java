package io.resourcemanager.provisioner.domain.reconcile;

import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.infra.VmInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the reconciler compares, read at one moment.
 *
 * @param managedVms the VMs tagged as ours
 * @param nodes the cluster's nodes: every worker, plus the node of each managed VM even when it has no
 *        pool label (its {@code pool} is then {@code ""})
 * @param inventory the workers the inventory knows
 * @param inFlight worker names a saga (provisioning, decommissioning, repair) is working on; the
 *        reconciler never touches them
 * @param suspicions what the previous run carried over ({@link ReconcilePlan#suspicions()})
 */
public record ReconcileSnapshot(List<VmInfo> managedVms, List<ObservedNode> nodes, List<ObservedNode> inventory,
                                Set<String> inFlight, Map<String, Suspicion> suspicions) {

    public ReconcileSnapshot {
        managedVms = List.copyOf(managedVms);
        nodes = List.copyOf(nodes);
        inventory = List.copyOf(inventory);
        inFlight = Set.copyOf(inFlight);
        suspicions = Map.copyOf(suspicions);
    }
}
