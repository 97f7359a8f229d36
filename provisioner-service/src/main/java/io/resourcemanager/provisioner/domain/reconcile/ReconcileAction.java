package io.resourcemanager.provisioner.domain.reconcile;

import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.infra.VmInfo;
import java.util.Objects;

/** One thing the reconciler asks to be done (and reported as an event), always with a reason for operators. */
public sealed interface ReconcileAction {

    /** The worker (node and VM) name the action is about. */
    String name();

    /** Why, in words an operator understands. */
    String reason();

    /**
     * Destroy a VM of ours that no worker belongs to: shut it down, then delete it.
     *
     * @param vm the VM as last seen
     * @param reason why it is an orphan
     */
    record RemoveOrphanVm(VmInfo vm, String reason) implements ReconcileAction {
        public RemoveOrphanVm {
            Objects.requireNonNull(vm, "vm");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String name() {
            return vm.name();
        }
    }

    /**
     * Take a Ready node of one of our VMs into the inventory, labelling it for {@code pool} when it
     * carries no pool label yet.
     *
     * @param node the node as last seen
     * @param vm its VM
     * @param pool the pool it belongs to
     * @param reason why it needs adopting
     */
    record AdoptNode(ObservedNode node, VmInfo vm, String pool, String reason) implements ReconcileAction {
        public AdoptNode {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(vm, "vm");
            Objects.requireNonNull(pool, "pool");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String name() {
            return node.name();
        }
    }

    /**
     * Tell an operator about something automation must not resolve alone; nothing is changed.
     *
     * @param name worker name
     * @param pool its pool as far as known, or {@code ""}
     * @param reason what is wrong
     */
    record FlagNode(String name, String pool, String reason) implements ReconcileAction {
        public FlagNode {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(pool, "pool");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Drop a worker from the inventory: neither its node nor its VM exists any more.
     *
     * @param name worker name
     * @param pool its pool
     * @param reason why it is gone
     */
    record ForgetNode(String name, String pool, String reason) implements ReconcileAction {
        public ForgetNode {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(pool, "pool");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
