package io.resourcemanager.provisioner.adapter.kubernetes;

import io.resourcemanager.provisioner.domain.infra.InfraException;
import java.time.Duration;

/** Waits between attempts. Production code blocks its (worker) thread; tests pass one that only records. */
@FunctionalInterface
interface Pacer {

    /** Blocks the calling thread. */
    Pacer BLOCKING = duration -> {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException.Retriable("Interrupted while waiting " + duration, e);
        }
    };

    /**
     * Waits {@code duration} (nothing when zero or negative).
     *
     * @throws InfraException.Retriable when interrupted (the interrupt flag is restored)
     */
    void pause(Duration duration);
}
