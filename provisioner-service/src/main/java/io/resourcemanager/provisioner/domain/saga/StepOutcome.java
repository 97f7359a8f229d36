package io.resourcemanager.provisioner.domain.saga;

import io.resourcemanager.provisioner.domain.infra.DrainResult;
import java.time.Duration;

/** What came of one attempt at a saga's current step. */
public sealed interface StepOutcome {

    /** The step did what it names. */
    record Done() implements StepOutcome {
    }

    /** The clone step found or created the worker's VM. */
    record Cloned(int vmId) implements StepOutcome {
    }

    /** The drain step ended; pods may remain when it timed out. */
    record Drained(DrainResult result) implements StepOutcome {
    }

    /**
     * The step failed; {@code retriable} says whether trying again may help, {@code retryAfter} (or null)
     * when it makes sense — a wait that is not one of the step's retries (an open circuit breaker).
     */
    record Failed(boolean retriable, String reason, Duration retryAfter) implements StepOutcome {

        public Failed(boolean retriable, String reason) {
            this(retriable, reason, null);
        }
    }

    static StepOutcome done() {
        return new Done();
    }
}
