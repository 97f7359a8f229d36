package io.resourcemanager.provisioner.reconcile;

import io.resourcemanager.events.ReconcileActionTaken;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileAction;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileAction.AdoptNode;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileAction.FlagNode;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileAction.ForgetNode;
import io.resourcemanager.provisioner.domain.reconcile.ReconcileAction.RemoveOrphanVm;

/**
 * Maps the reconciler's actions to {@code ReconcileActionTaken}. The event has one kind for every flag,
 * {@code UNKNOWN_NODE_FLAGGED}; its reason says what is wrong.
 */
final class ActionEvents {

    private ActionEvents() {
    }

    /** The event reporting that {@code action} was carried out. */
    static ReconcileActionTaken of(ReconcileAction action) {
        ReconcileActionTaken.Builder event = ReconcileActionTaken.newBuilder()
                .setAction(kind(action))
                .setWorker(action.name())
                .setReason(action.reason());
        if (action instanceof RemoveOrphanVm remove) {
            event.setPool(orNull(remove.vm().pool())).setVmId(remove.vm().vmId());
        } else if (action instanceof AdoptNode adopt) {
            event.setPool(orNull(adopt.pool())).setVmId(adopt.vm().vmId());
        } else if (action instanceof FlagNode flag) {
            event.setPool(orNull(flag.pool()));
        } else if (action instanceof ForgetNode forget) {
            event.setPool(orNull(forget.pool()));
        }
        return event.build();
    }

    /** The kind of event an action is reported as. */
    static io.resourcemanager.events.ReconcileAction kind(ReconcileAction action) {
        if (action instanceof RemoveOrphanVm) {
            return io.resourcemanager.events.ReconcileAction.ORPHAN_VM_REMOVED;
        }
        if (action instanceof AdoptNode) {
            return io.resourcemanager.events.ReconcileAction.NODE_ADOPTED;
        }
        if (action instanceof ForgetNode) {
            return io.resourcemanager.events.ReconcileAction.NODE_FORGOTTEN;
        }
        return io.resourcemanager.events.ReconcileAction.UNKNOWN_NODE_FLAGGED;
    }

    private static String orNull(String pool) {
        return pool == null || pool.isEmpty() ? null : pool;
    }
}
