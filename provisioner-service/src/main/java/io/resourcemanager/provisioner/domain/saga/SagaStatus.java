package io.resourcemanager.provisioner.domain.saga;

/** Where a saga stands. */
public enum SagaStatus {
    /** Working through its steps. */
    RUNNING,
    /** A provisioning failed; removing whatever it created. */
    COMPENSATING,
    /** Every step done. */
    SUCCEEDED,
    /** Stopped on a failure (after compensating, for a provisioning). */
    FAILED;

    /** Whether the saga has nothing left to do. */
    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
