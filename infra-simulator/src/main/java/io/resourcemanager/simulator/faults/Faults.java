package io.resourcemanager.simulator.faults;

import io.resourcemanager.simulator.time.Latency;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

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
    private int failNextStarts;
    private int neverJoinNext;
    private final Set<String> flapNodes = new LinkedHashSet<>();
    private int flapNextJoins;
    private Duration flapPeriod;
    private Duration shutdownDelay;

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
        if (settings.failNextStarts() != null) {
            failNextStarts = settings.failNextStarts();
        }
        if (settings.neverJoinNext() != null) {
            neverJoinNext = settings.neverJoinNext();
        }
        if (settings.flapNodes() != null) {
            flapNodes.clear();
            flapNodes.addAll(settings.flapNodes());
        }
        if (settings.flapNextJoins() != null) {
            flapNextJoins = settings.flapNextJoins();
        }
        if (settings.flapPeriodMillis() != null) {
            flapPeriod = Duration.ofMillis(settings.flapPeriodMillis());
        }
        if (settings.shutdownDelayMillis() != null) {
            shutdownDelay = Duration.ofMillis(settings.shutdownDelayMillis());
        }
    }

    /** Removes every injected fault. */
    public synchronized void reset() {
        failNextClones = 0;
        httpErrorsNext = 0;
        httpStatus = DEFAULT_HTTP_STATUS;
        cloneDelay = null;
        bootDelay = null;
        failNextStarts = 0;
        neverJoinNext = 0;
        flapNodes.clear();
        flapNextJoins = 0;
        flapPeriod = null;
        shutdownDelay = null;
    }

    /** The current settings. */
    public synchronized FaultSettings current() {
        return new FaultSettings(failNextClones, httpErrorsNext, httpStatus, millis(cloneDelay), millis(bootDelay),
                failNextStarts, neverJoinNext, new ArrayList<>(flapNodes), flapNextJoins, millis(flapPeriod),
                millis(shutdownDelay));
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

    /** Consumes one planned start failure; true when this start task must fail. */
    public synchronized boolean takeStartFailure() {
        if (failNextStarts == 0) {
            return false;
        }
        failNextStarts--;
        return true;
    }

    /** Consumes one planned silent kubelet; true when the guest that just booted must never register its Node. */
    public synchronized boolean takeNeverJoin() {
        if (neverJoinNext == 0) {
            return false;
        }
        neverJoinNext--;
        return true;
    }

    /**
     * Called when a Node registers: when flapping of the next registrations is planned, consumes one and
     * adds {@code node} to the flapping nodes.
     *
     * @return true when {@code node} flaps from now on
     */
    public synchronized boolean claimFlap(String node) {
        if (flapNodes.contains(node)) {
            return true;
        }
        if (flapNextJoins == 0) {
            return false;
        }
        flapNextJoins--;
        flapNodes.add(node);
        return true;
    }

    /** True while {@code node} is to flap. */
    public synchronized boolean isFlapping(String node) {
        return flapNodes.contains(node);
    }

    /** The injected flap period, if set. */
    public synchronized Optional<Duration> flapPeriod() {
        return Optional.ofNullable(flapPeriod);
    }

    /** A fixed delay for {@code latency}, when one is injected. */
    public synchronized Optional<Duration> delayOverride(Latency latency) {
        return switch (latency) {
            case CLONE -> Optional.ofNullable(cloneDelay);
            case BOOT -> Optional.ofNullable(bootDelay);
            case GUEST_SHUTDOWN -> Optional.ofNullable(shutdownDelay);
            default -> Optional.empty();
        };
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }
}
