package io.resourcemanager.provisioner.reconcile;

import io.resourcemanager.events.ReconcileActionTaken;
import java.util.ArrayList;
import java.util.List;

/** Records the published events; can be told to fail the next publication. */
final class RecordingReconcileEvents implements ReconcileEvents {

    private final List<ReconcileActionTaken> published = new ArrayList<>();
    private boolean failNext;

    @Override
    public synchronized void publish(ReconcileActionTaken event) {
        if (failNext) {
            failNext = false;
            throw new IllegalStateException("Kafka did not acknowledge the reconcile action on " + event.getWorker());
        }
        published.add(event);
    }

    synchronized void failNext() {
        failNext = true;
    }

    synchronized List<ReconcileActionTaken> published() {
        return List.copyOf(published);
    }
}
