package io.resourcemanager.provisioner.domain.infra;

import java.time.Duration;
import java.util.Objects;

/**
 * How a node is drained (SPEC §4).
 *
 * @param gracePeriod termination grace each evicted pod gets
 * @param batchSize pods evicted at once
 * @param batchPause pause between batches
 * @param timeout how long the drain may take before it reports what is left
 */
public record DrainPolicy(Duration gracePeriod, int batchSize, Duration batchPause, Duration timeout) {

    public DrainPolicy {
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        Objects.requireNonNull(batchPause, "batchPause");
        Objects.requireNonNull(timeout, "timeout");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
    }

    /** The defaults of SPEC §4: grace 300 s, batches of 5 pods 10 s apart, timeout 600 s. */
    public static DrainPolicy defaults() {
        return new DrainPolicy(Duration.ofSeconds(300), 5, Duration.ofSeconds(10), Duration.ofSeconds(600));
    }
}
