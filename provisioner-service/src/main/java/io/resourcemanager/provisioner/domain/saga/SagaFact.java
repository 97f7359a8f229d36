package io.resourcemanager.provisioner.domain.saga;

/** Something a saga's progress makes known; adapters publish each as an event. */
public sealed interface SagaFact {

    /** The saga as it stands after the fact. */
    WorkerSaga saga();

    /** A step finished; {@code outcome} carries what it found (VM id, pods evicted). */
    record StepCompleted(WorkerSaga saga, SagaStep step, StepOutcome outcome) implements SagaFact {
    }

    /** Every step done: the worker joined, is gone, or is repaired. */
    record Succeeded(WorkerSaga saga) implements SagaFact {
    }

    /**
     * The saga stopped on a failure.
     *
     * @param step the step that failed
     * @param retriable whether the cause may go away (the same request may succeed later)
     * @param compensated whether whatever the saga created has been removed again
     */
    record Failed(WorkerSaga saga, SagaStep step, String reason, boolean retriable, boolean compensated)
            implements SagaFact {
    }
}
