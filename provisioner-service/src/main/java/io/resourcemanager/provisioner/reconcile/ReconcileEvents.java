package io.resourcemanager.provisioner.reconcile;

import io.resourcemanager.events.ReconcileActionTaken;

/** Where the reconciler reports each action it carried out. */
public interface ReconcileEvents {

    /**
     * Publishes {@code event}, keyed by its worker; returns once it is durable.
     *
     * @throws IllegalStateException when it could not be published
     */
    void publish(ReconcileActionTaken event);
}
