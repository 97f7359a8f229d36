package io.resourcemanager.provisioner.domain.reconcile;

import java.time.Instant;
import java.util.Objects;

/**
 * A discrepancy about one worker name that the reconciler saw on an earlier run and carries to the
 * next. Nothing is done on a single observation: an action needs the same discrepancy on a later run.
 *
 * @param kind what is wrong
 * @param since when it was first seen
 * @param reported whether it has been reported already (flags are reported once per suspicion)
 */
public record Suspicion(Kind kind, Instant since, boolean reported) {

    public Suspicion {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(since, "since");
    }

    /** A suspicion that has just been acted on. */
    Suspicion acted() {
        return new Suspicion(kind, since, true);
    }

    /** What the reconciler suspects. */
    public enum Kind {
        /** A VM of ours has no node. */
        ORPHAN_VM,
        /** A VM of ours in a protected pool has no node. */
        PROTECTED_VM_WITHOUT_NODE,
        /** Several VMs of ours share one name. */
        DUPLICATE_VMS,
        /** The node of a VM of ours is Ready but missing from the inventory. */
        UNADOPTED_NODE,
        /** The node of a VM of ours registered but does not turn Ready, and nobody tracks it. */
        STUCK_NODE,
        /** A node's pool label and its VM's pool tag disagree, or neither names a pool. */
        POOL_CONFLICT,
        /** A node with a pool label has no VM of ours and is unknown to the inventory. */
        UNKNOWN_NODE,
        /** The inventory lists a worker of which neither node nor VM exists. */
        VANISHED_WORKER,
        /** The inventory lists a protected worker of which neither node nor VM exists. */
        VANISHED_PROTECTED_WORKER
    }
}
