package io.resourcemanager.provisioner.reconcile;

import io.resourcemanager.provisioner.domain.ObservedNode;
import java.util.List;

/**
 * The inventory of workers ({@code rm.nodes}) as the reconciler uses it: what it knows, and the two
 * corrections the reconciler may make to it. Both corrections are idempotent and return once the
 * announcement is durable.
 */
public interface ReconcileInventory {

    /** Every worker the inventory knows. */
    List<ObservedNode> knownWorkers();

    /** Announces {@code node} as a worker, as a join would; nothing when the inventory knows it as it is. */
    void adopt(ObservedNode node);

    /** Drops the worker {@code name} (NodeRemoved with {@code reason}); nothing when the inventory does not know it. */
    void forget(String name, String pool, String reason);
}
