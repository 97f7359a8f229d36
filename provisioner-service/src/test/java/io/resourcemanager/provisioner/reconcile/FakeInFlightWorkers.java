package io.resourcemanager.provisioner.reconcile;

import java.util.HashSet;
import java.util.Set;

/** The workers sagas work on, with a saga that can be made to start right after the reconciler looked. */
final class FakeInFlightWorkers implements InFlightWorkers {

    private final Set<String> names = new HashSet<>();
    private final Set<String> startingAfterNextLook = new HashSet<>();

    @Override
    public synchronized Set<String> names() {
        Set<String> now = Set.copyOf(names);
        names.addAll(startingAfterNextLook);
        startingAfterNextLook.clear();
        return now;
    }

    /** A saga on {@code worker} starts just after the next look: that look misses it, later ones see it. */
    synchronized void sagaStartsAfterNextLook(String worker) {
        startingAfterNextLook.add(worker);
    }
}
