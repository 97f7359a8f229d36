package io.resourcemanager.provisioner.saga;

import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;

/**
 * Announces the workers sagas add and remove, and labels the provisioner changed on a worker, keeping the
 * inventory ({@code rm.nodes}) in step.
 */
public interface WorkerAnnouncements {

    /** The worker of a finished provisioning joined: NodeJoined and its node state. Idempotent. */
    void joined(WorkerSaga saga);

    /** The worker of a finished decommissioning is gone: NodeRemoved and a tombstone. Idempotent. */
    void removed(WorkerSaga saga);

    /**
     * A known worker's node changed outside a saga (its deadline was extended): its new node state.
     * Nothing when the worker is not known, or known as it is.
     */
    void relabelled(ObservedNode node);
}
