package io.resourcemanager.provisioner.domain.reconcile;

import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.infra.VmInfo;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileAction.AdoptNode;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileAction.ForgetNode;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileAction.RemoveOrphanVm;
import io.resourcemanager.provisioner.domain.reconcile.Suspicion.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The rules: what is wrong with one worker name, given its VMs of ours, its node and its inventory entry. */
final class Discrepancies {

    private final Duration grace;

    Discrepancies(Duration grace) {
        this.grace = grace;
    }

    /**
     * @param vms the VMs of ours with this name (normally zero or one)
     * @param node the cluster node with this name, or null
     * @param known the inventory's entry, or null
     */
    Optional<Finding> examine(String name, List<VmInfo> vms, ObservedNode node, ObservedNode known) {
        String pool = pool(vms, node, known);
        boolean protectedWorker = ObservedNode.PERMANENT_POOL.equals(pool)
                || Stream.of(node, known).anyMatch(n -> n != null && n.isProtected())
                || vms.stream().anyMatch(vm -> ObservedNode.PERMANENT_POOL.equals(vm.pool()));
        if (vms.size() > 1) {
            return Optional.of(duplicates(name, pool, vms, protectedWorker));
        }
        VmInfo vm = vms.isEmpty() ? null : vms.get(0);
        if (vm != null && node == null) {
            return Optional.of(vmWithoutNode(vm, pool, known, protectedWorker));
        }
        if (vm != null && known == null) {
            return nodeOfOurs(node, vm);
        }
        if (vm == null && node != null && known == null && !node.pool().isEmpty() && !node.isProtected()) {
            return Optional.of(Finding.flag(Kind.UNKNOWN_NODE, Duration.ZERO, name, pool, "node " + name
                    + " carries node-pool=" + pool + " but no VM tagged as ours has its name and the inventory"
                    + " does not know it; flagged, not deleted"));
        }
        if (vm == null && node == null && known != null) {
            return Optional.of(vanished(known));
        }
        return Optional.empty();
    }

    private Finding duplicates(String name, String pool, List<VmInfo> vms, boolean protectedWorker) {
        List<VmInfo> running = vms.stream().filter(vm -> vm.power() == VmInfo.VmPower.RUNNING).toList();
        List<VmInfo> stopped = vms.stream().filter(vm -> vm.power() == VmInfo.VmPower.STOPPED).toList();
        if (protectedWorker || running.size() != 1 || stopped.size() != vms.size() - 1) {
            return Finding.flag(Kind.DUPLICATE_VMS, Duration.ZERO, name, pool, vms.size() + " VMs tagged as ours are"
                    + " named " + name + " (" + ids(vms) + "); which one is the worker is not certain, so none is"
                    + " removed");
        }
        VmInfo worker = running.get(0);
        return new Finding(Kind.DUPLICATE_VMS, grace, false, since -> stopped.stream()
                .<ReconcileAction>map(vm -> new RemoveOrphanVm(vm, "VM " + vm.vmId() + " is a stopped duplicate of"
                        + " running VM " + worker.vmId() + " named " + name + ", seen since " + since
                        + " (grace " + grace.toMinutes() + " min), and no saga is working on it"))
                .toList());
    }

    private Finding vmWithoutNode(VmInfo vm, String pool, ObservedNode known, boolean protectedWorker) {
        String what = "VM " + vm.vmId() + " (" + vm.name() + ", pool " + pool + ", " + vm.power().name().toLowerCase()
                + ")";
        if (protectedWorker) {
            return Finding.flag(Kind.PROTECTED_VM_WITHOUT_NODE, Duration.ZERO, vm.name(), pool, what
                    + " has no Kubernetes node; its pool is protected, so it is not removed");
        }
        String inventory = known == null ? "" : "; the inventory still lists it";
        return Finding.repeat(Kind.ORPHAN_VM, grace, since -> new RemoveOrphanVm(vm, what
                + " has had no Kubernetes node since " + since + ", longer than the " + grace.toMinutes()
                + " min grace, and no saga is working on it" + inventory));
    }

    private Optional<Finding> nodeOfOurs(ObservedNode node, VmInfo vm) {
        String name = node.name();
        if (!node.ready()) {
            return Optional.of(Finding.flag(Kind.STUCK_NODE, grace, name, node.pool(), "node " + name + " of VM "
                    + vm.vmId() + " registered but has not been Ready for " + grace.toMinutes() + " min, and"
                    + " neither a saga nor the inventory tracks it"));
        }
        String label = node.pool();
        String tag = vm.pool() == null ? "" : vm.pool();
        if (!label.isEmpty() && !tag.isEmpty() && !label.equals(tag) || label.isEmpty() && tag.isEmpty()) {
            return Optional.of(Finding.flag(Kind.POOL_CONFLICT, Duration.ZERO, name, label, "node " + name
                    + " is labelled node-pool=" + (label.isEmpty() ? "(none)" : label) + " but its VM " + vm.vmId()
                    + " is tagged pool " + (tag.isEmpty() ? "(none)" : tag) + "; not adopted"));
        }
        String pool = label.isEmpty() ? tag : label;
        String ours = "Ready node " + name + " of our VM " + vm.vmId();
        String reason = label.isEmpty()
                ? ours + " has no pool label (its provisioning stopped before labelling) and no saga is working on"
                        + " it; adopted into pool " + pool + " from the VM's tag"
                : ours + " in pool " + pool + " is missing from the inventory";
        return Optional.of(Finding.repeat(Kind.UNADOPTED_NODE, Duration.ZERO, since -> new AdoptNode(node, vm, pool,
                reason)));
    }

    private static Finding vanished(ObservedNode known) {
        String what = "the inventory lists " + known.name() + " (pool " + known.pool() + ") but the cluster has no"
                + " such node and no VM of ours has its name";
        if (known.isProtected()) {
            return Finding.flag(Kind.VANISHED_PROTECTED_WORKER, Duration.ZERO, known.name(), known.pool(), what
                    + "; its pool is protected, so it is not forgotten automatically");
        }
        return Finding.repeat(Kind.VANISHED_WORKER, Duration.ZERO, since -> new ForgetNode(known.name(), known.pool(),
                what + " (since " + since + ")"));
    }

    private static String pool(List<VmInfo> vms, ObservedNode node, ObservedNode known) {
        return Stream.concat(Stream.of(node, known).filter(n -> n != null).map(ObservedNode::pool),
                        vms.stream().map(VmInfo::pool))
                .filter(pool -> pool != null && !pool.isEmpty())
                .findFirst().orElse("");
    }

    private static String ids(List<VmInfo> vms) {
        return vms.stream().map(vm -> String.valueOf(vm.vmId())).collect(Collectors.joining(", "));
    }
}
