package io.resourcemanager.simulator.faults;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Fault injection settings, as posted to {@code /sim/faults}, given as {@code sim.faults.*} properties,
 * and reported back. Posting is a patch: absent (null) fields leave the current setting unchanged.
 * Start from {@link #none()} and set fields with the {@code withXxx} copy methods.
 *
 * @param failNextClones how many upcoming clone tasks fail (the half-cloned VM is removed)
 * @param httpErrorsNext how many upcoming Proxmox API requests are answered with {@code httpStatus}
 * @param httpStatus the status of injected HTTP errors (4xx or 5xx, default 503; 429 for rate limiting)
 * @param cloneDelayMillis fixed real-time clone duration, replacing the scaled realistic one
 * @param bootDelayMillis fixed real-time boot duration, replacing the scaled realistic one
 * @param failNextStarts how many upcoming start tasks fail (QEMU exits; the VM stays stopped)
 * @param neverJoinNext how many upcoming guest boots leave the kubelet silent (the VM runs, no Node registers)
 * @param flapNodes names of nodes whose kubelets alternately stop and resume posting status (replaces the list)
 * @param flapNextJoins how many upcoming node registrations start flapping (their names join {@code flapNodes})
 * @param flapPeriodMillis how long a flapping kubelet stays silent, and then posting, in real time
 * @param shutdownDelayMillis fixed real-time duration of a guest's ACPI shutdown (a slow or hung guest)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultSettings(
        Integer failNextClones,
        Integer httpErrorsNext,
        Integer httpStatus,
        Long cloneDelayMillis,
        Long bootDelayMillis,
        Integer failNextStarts,
        Integer neverJoinNext,
        List<String> flapNodes,
        Integer flapNextJoins,
        Long flapPeriodMillis,
        Long shutdownDelayMillis) {

    public FaultSettings {
        flapNodes = flapNodes == null ? null : List.copyOf(flapNodes);
    }

    /** Settings that change nothing. */
    public static FaultSettings none() {
        return new FaultSettings(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Copy failing the next {@code count} clone tasks. */
    public FaultSettings withFailNextClones(int count) {
        return new FaultSettings(count, httpErrorsNext, httpStatus, cloneDelayMillis, bootDelayMillis, failNextStarts,
                neverJoinNext, flapNodes, flapNextJoins, flapPeriodMillis, shutdownDelayMillis);
    }

    /** Copy answering the next {@code count} Proxmox API requests with {@code status}. */
    public FaultSettings withHttpErrors(int count, int status) {
        return new FaultSettings(failNextClones, count, status, cloneDelayMillis, bootDelayMillis, failNextStarts,
                neverJoinNext, flapNodes, flapNextJoins, flapPeriodMillis, shutdownDelayMillis);
    }

    /** Copy with fixed clone and boot durations (null keeps the current one). */
    public FaultSettings withDelays(Long cloneMillis, Long bootMillis) {
        return new FaultSettings(failNextClones, httpErrorsNext, httpStatus, cloneMillis, bootMillis, failNextStarts,
                neverJoinNext, flapNodes, flapNextJoins, flapPeriodMillis, shutdownDelayMillis);
    }

    /** Copy failing the next {@code count} start tasks. */
    public FaultSettings withFailNextStarts(int count) {
        return new FaultSettings(failNextClones, httpErrorsNext, httpStatus, cloneDelayMillis, bootDelayMillis, count,
                neverJoinNext, flapNodes, flapNextJoins, flapPeriodMillis, shutdownDelayMillis);
    }

    /** Copy whose next {@code count} booted guests never register a Node. */
    public FaultSettings withNeverJoinNext(int count) {
        return new FaultSettings(failNextClones, httpErrorsNext, httpStatus, cloneDelayMillis, bootDelayMillis,
                failNextStarts, count, flapNodes, flapNextJoins, flapPeriodMillis, shutdownDelayMillis);
    }

    /** Copy flapping the named nodes and the next {@code nextJoins} registering ones every {@code periodMillis}. */
    public FaultSettings withFlapping(List<String> nodes, Integer nextJoins, Long periodMillis) {
        return new FaultSettings(failNextClones, httpErrorsNext, httpStatus, cloneDelayMillis, bootDelayMillis,
                failNextStarts, neverJoinNext, nodes, nextJoins, periodMillis, shutdownDelayMillis);
    }

    /** Copy with a fixed guest shutdown duration. */
    public FaultSettings withShutdownDelayMillis(long millis) {
        return new FaultSettings(failNextClones, httpErrorsNext, httpStatus, cloneDelayMillis, bootDelayMillis,
                failNextStarts, neverJoinNext, flapNodes, flapNextJoins, flapPeriodMillis, millis);
    }

    /**
     * Checks value ranges.
     *
     * @throws IllegalArgumentException naming the offending field
     */
    public void validate() {
        requireNonNegative("failNextClones", failNextClones);
        requireNonNegative("httpErrorsNext", httpErrorsNext);
        requireNonNegative("cloneDelayMillis", cloneDelayMillis);
        requireNonNegative("bootDelayMillis", bootDelayMillis);
        requireNonNegative("failNextStarts", failNextStarts);
        requireNonNegative("neverJoinNext", neverJoinNext);
        requireNonNegative("flapNextJoins", flapNextJoins);
        requireNonNegative("shutdownDelayMillis", shutdownDelayMillis);
        if (httpStatus != null && (httpStatus < 400 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be between 400 and 599, was " + httpStatus);
        }
        if (flapPeriodMillis != null && flapPeriodMillis <= 0) {
            throw new IllegalArgumentException("flapPeriodMillis must be > 0, was " + flapPeriodMillis);
        }
        if (flapNodes != null && flapNodes.stream().anyMatch(name -> name == null || name.isBlank())) {
            throw new IllegalArgumentException("flapNodes must not contain blank names");
        }
    }

    private static void requireNonNegative(String field, Number value) {
        if (value != null && value.longValue() < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value);
        }
    }
}
