package io.resourcemanager.provisioner.domain.reconcile;

import java.util.List;
import java.util.Map;

/**
 * What one reconcile run decided.
 *
 * @param actions what to do now, ordered by worker name
 * @param suspicions what to remember for the next run (worker name to suspicion); names absent here
 *        are no longer suspect
 */
public record ReconcilePlan(List<ReconcileAction> actions, Map<String, Suspicion> suspicions) {

    public ReconcilePlan {
        actions = List.copyOf(actions);
        suspicions = Map.copyOf(suspicions);
    }
}
