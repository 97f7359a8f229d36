package io.resourcemanager.simulator.faults;

import io.resourcemanager.simulator.time.Latency;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The faults currently injected into the simulator. Handlers consult it at the point where the real
 * system would fail; each {@code take…} method consumes one planned failure. Thread-safe.
 */
public final class Faults {

    private static final int DEFAULT_HTTP_STATUS = 503;

    private int failNextClones;
    private int httpErrorsNext;
    private int httpStatus = DEFAULT_HTTP_STATUS;
    private Duration cloneDelay;
    private Duration bootDelay;

    /**
     * Applies the non-null fields of {@code settings}.
     *
     * @throws IllegalArgumentException naming the field when a value is out of range
     */
    public synchronized void apply(FaultSettings settings) {
        settings.validate();
        if (settings.failNextClones() != null) {
            failNextClones = settings.failNextClones();
        }
        if (settings.httpErrorsNext() != null) {
            httpErrorsNext = settings.httpErrorsNext();
        }
        if (settings.httpStatus() != null) {
            httpStatus = settings.httpStatus();
        }
        if (settings.cloneDelayMillis() != null) {
            cloneDelay = Duration.ofMillis(settings.cloneDelayMillis());
        }
        if (settings.bootDelayMillis() != null) {
            bootDelay = Duration.ofMillis(settings.bootDelayMillis());
        }
    }

    /** Removes every injected fault. */
    public synchronized void reset() {
        failNextClones = 0;
        httpErrorsNext = 0;
        httpStatus = DEFAULT_HTTP_STATUS;
        cloneDelay = null;
        bootDelay = null;
    }

    /** The current settings. */
    public synchronized FaultSettings current() {
        return new FaultSettings(failNextClones, httpErrorsNext, httpStatus,
                cloneDelay == null ? null : cloneDelay.toMillis(),
                bootDelay == null ? null : bootDelay.toMillis());
    }

    /** Consumes one injected HTTP error and returns its status, if one is planned. */
    public synchronized OptionalInt takeHttpError() {
        if (httpErrorsNext == 0) {
            return OptionalInt.empty();
        }
        httpErrorsNext--;
        return OptionalInt.of(httpStatus);
    }

    /** Consumes one planned clone failure; true when this clone must fail. */
    public synchronized boolean takeCloneFailure() {
        if (failNextClones == 0) {
            return false;
        }
        failNextClones--;
        return true;
    }

    /** A fixed delay for {@code latency}, when one is injected. */
    public synchronized Optional<Duration> delayOverride(Latency latency) {
        return switch (latency) {
            case CLONE -> Optional.ofNullable(cloneDelay);
            case BOOT -> Optional.ofNullable(bootDelay);
            default -> Optional.empty();
        };
    }
}
