package io.resourcemanager.provisioner.saga;

import io.resourcemanager.provisioner.domain.saga.WorkerSaga;

/** Announces the workers sagas add and remove, keeping the inventory ({@code rm.nodes}) in step. */
public interface WorkerAnnouncements {

    /** The worker of a finished provisioning joined: NodeJoined and its node state. Idempotent. */
    void joined(WorkerSaga saga);

    /** The worker of a finished decommissioning is gone: NodeRemoved and a tombstone. Idempotent. */
    void removed(WorkerSaga saga);
}
