package io.resourcemanager.provisioner.domain.saga;

import io.resourcemanager.provisioner.domain.infra.DrainResult;

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

    /** The step failed; {@code retriable} says whether trying again may help. */
    record Failed(boolean retriable, String reason) implements StepOutcome {
    }

    static StepOutcome done() {
        return new Done();
    }
}
