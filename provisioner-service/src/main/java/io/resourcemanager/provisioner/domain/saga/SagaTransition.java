package io.resourcemanager.provisioner.domain.saga;

import java.time.Duration;
import java.util.List;

/**
 * A saga's next state, the facts to publish with it, and how long to wait before running its next
 * step (zero unless a step is retried after a pause).
 */
public record SagaTransition(WorkerSaga next, List<SagaFact> facts, Duration pause) {

    public SagaTransition {
        facts = List.copyOf(facts);
    }
}
