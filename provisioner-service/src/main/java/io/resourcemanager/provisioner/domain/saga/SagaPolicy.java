package io.resourcemanager.provisioner.domain.saga;

import io.resourcemanager.provisioner.domain.infra.DrainPolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How sagas run (SPEC §4): a timeout per step (retries included), retries with exponential backoff on
 * retriable failures, how nodes are drained and how long a guest gets to shut down.
 *
 * @param stepTimeouts the longest each step may take
 * @param maxRetries retries of a step after a retriable failure
 * @param firstBackoff pause before the first retry, doubled for each further one
 * @param maxBackoff longest pause between retries
 * @param drain how nodes are drained
 * @param forceStopAfter how long a guest may take to shut down before its VM is stopped hard
 */
public record SagaPolicy(Map<SagaStep, Duration> stepTimeouts, int maxRetries, Duration firstBackoff,
                         Duration maxBackoff, DrainPolicy drain, Duration forceStopAfter) {

    public SagaPolicy {
        stepTimeouts = Map.copyOf(stepTimeouts);
        for (SagaStep step : SagaStep.values()) {
            if (!stepTimeouts.containsKey(step)) {
                throw new IllegalArgumentException("No timeout for step " + step);
            }
        }
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(drain, "drain");
        Objects.requireNonNull(forceStopAfter, "forceStopAfter");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
    }

    /** The numbers of SPEC §4. */
    public static SagaPolicy defaults() {
        DrainPolicy drain = DrainPolicy.defaults();
        Duration forceStopAfter = Duration.ofSeconds(120);
        Map<SagaStep, Duration> timeouts = new EnumMap<>(SagaStep.class);
        timeouts.put(SagaStep.CLONE, Duration.ofSeconds(90));
        timeouts.put(SagaStep.CONFIGURE, Duration.ofSeconds(30));
        timeouts.put(SagaStep.START, Duration.ofSeconds(60));
        timeouts.put(SagaStep.BOOT, Duration.ofSeconds(120));
        timeouts.put(SagaStep.JOIN, Duration.ofSeconds(300));
        timeouts.put(SagaStep.LABEL, Duration.ofSeconds(30));
        timeouts.put(SagaStep.CORDON, Duration.ofSeconds(30));
        timeouts.put(SagaStep.DRAIN, drain.timeout().plusSeconds(60));
        timeouts.put(SagaStep.DELETE_NODE, Duration.ofSeconds(30));
        timeouts.put(SagaStep.SHUTDOWN, forceStopAfter.plusSeconds(60));
        timeouts.put(SagaStep.DELETE_VM, Duration.ofSeconds(120));
        timeouts.put(SagaStep.REBOOT, Duration.ofSeconds(120));
        timeouts.put(SagaStep.RESTART_KUBELET, Duration.ofSeconds(60));
        timeouts.put(SagaStep.UNCORDON, Duration.ofSeconds(30));
        return new SagaPolicy(timeouts, 3, Duration.ofSeconds(1), Duration.ofSeconds(30), drain, forceStopAfter);
    }

    /** The longest {@code step} may take. */
    public Duration timeout(SagaStep step) {
        return stepTimeouts.get(step);
    }

    /** The pause before retry number {@code attempt} (1 for the first retry). */
    public Duration backoff(int attempt) {
        Duration pause = firstBackoff;
        for (int i = 1; i < attempt && pause.compareTo(maxBackoff) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
    }
}
