package io.resourcemanager.provisioner.reconcile;

import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.infra.ClusterNodes;
import io.resourcemanager.provisioner.domain.infra.Hypervisor;
import io.resourcemanager.provisioner.domain.infra.VmInfo;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileSnapshot;
import io.resourcemanager.provisioner.domain.reconcile.Suspicion;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the reconciler compares. The names sagas work on are read first and the inventory last,
 * so a saga finishing meanwhile is either still excluded or already reflected in the inventory.
 */
@Singleton
final class SnapshotReader {

    private final Hypervisor hypervisor;
    private final ClusterNodes cluster;
    private final ReconcileInventory inventory;
    private final InFlightWorkers inFlight;

    SnapshotReader(Hypervisor hypervisor, ClusterNodes cluster, ReconcileInventory inventory,
                   InFlightWorkers inFlight) {
        this.hypervisor = hypervisor;
        this.cluster = cluster;
        this.inventory = inventory;
        this.inFlight = inFlight;
    }

    /**
     * The snapshot as it stands now, carrying {@code suspicions} over from the previous run. Besides the
     * pool workers, it holds the node of every managed VM that has none listed (a node without pool label).
     */
    ReconcileSnapshot read(Map<String, Suspicion> suspicions) {
        Set<String> busy = inFlight.names();
        List<VmInfo> vms = hypervisor.managedVms();
        List<ObservedNode> nodes = new ArrayList<>(cluster.workers());
        Set<String> listed = new HashSet<>();
        nodes.forEach(node -> listed.add(node.name()));
        for (VmInfo vm : vms) {
            if (listed.add(vm.name())) {
                cluster.find(vm.name()).ifPresent(nodes::add);
            }
        }
        return new ReconcileSnapshot(vms, nodes, inventory.knownWorkers(), busy, suspicions);
    }
}
