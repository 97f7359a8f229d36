package io.resourcemanager.provisioner.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the provisioner does when the TTL service extended a worker's deadline (SPEC §6): relabel the
 * worker's node with the new deadline and lifetime, or leave it alone and say why. Whether an extension
 * is allowed (count, the pool's max TTL) is the TTL service's decision; the provisioner only mirrors it.
 */
public sealed interface DeadlineExtension {

    /** The worker the decision is about. */
    String worker();

    /**
     * Put {@code labels} ({@value WorkerLabels#TTL}, {@value WorkerLabels#TTL_HOURS}) on the worker's node;
     * its other labels and its taints stay.
     */
    record Relabel(String worker, Map<String, String> labels) implements DeadlineExtension {
        public Relabel {
            Objects.requireNonNull(worker, "worker");
            labels = Map.copyOf(labels);
        }
    }

    /** Nothing to change, and why. */
    record Ignore(String worker, String reason) implements DeadlineExtension {
        public Ignore {
            Objects.requireNonNull(worker, "worker");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Decides what a deadline extension changes on the worker.
     *
     * @param worker the worker whose deadline moved
     * @param newDeadline its deadline after the extension
     * @param known the worker as the inventory last announced it; empty when it is gone or unknown
     * @param removing whether a decommissioning of the worker is under way
     */
    static DeadlineExtension decide(String worker, Instant newDeadline, Optional<ObservedNode> known, boolean removing) {
        if (known.isEmpty()) {
            return new Ignore(worker, "not a known worker");
        }
        if (removing) {
            return new Ignore(worker, "it is being removed");
        }
        Map<String, String> labels = known.get().labels();
        Optional<Instant> current = WorkerLabels.deadline(labels);
        if (current.isEmpty()) {
            return new Ignore(worker, "it has no TTL");
        }
        if (current.get().isAfter(newDeadline)) {
            return new Ignore(worker, "it already shows a later deadline (" + current.get() + ")");
        }
        Map<String, String> changes = WorkerLabels.extendedTo(labels, newDeadline);
        if (labels.entrySet().containsAll(changes.entrySet())) {
            return new Ignore(worker, "it already shows this deadline");
        }
        return new Relabel(worker, changes);
    }
}
