package io.resourcemanager.provisioner.domain.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A discrepancy about one worker name and what to do once it is confirmed.
 *
 * @param kind what is wrong
 * @param patience how long after its first sighting it must persist (besides being seen again)
 * @param once whether it is reported once per suspicion rather than on every run until resolved
 * @param actions the actions, given when the discrepancy was first seen
 */
record Finding(Suspicion.Kind kind, Duration patience, boolean once, Function<Instant, List<ReconcileAction>> actions) {

    /** Acted on at the second sighting, and again on later runs while it lasts (the action is idempotent). */
    static Finding repeat(Suspicion.Kind kind, Duration patience, Function<Instant, ReconcileAction> action) {
        return new Finding(kind, patience, false, since -> List.of(action.apply(since)));
    }

    /** Flagged at the second sighting once its patience is spent, and not again while it lasts. */
    static Finding flag(Suspicion.Kind kind, Duration patience, String name, String pool, String reason) {
        return new Finding(kind, patience, true, since -> List.of(new ReconcileAction.FlagNode(name, pool,
                reason + " (first seen " + since + ")")));
    }
}
