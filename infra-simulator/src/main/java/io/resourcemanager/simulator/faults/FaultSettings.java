package io.resourcemanager.simulator.faults;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Fault injection settings, as posted to {@code /sim/faults} and reported back. Posting is a patch:
 * absent (null) fields leave the current setting unchanged.
 *
 * @param failNextClones how many upcoming clone tasks fail (the half-cloned VM is removed)
 * @param httpErrorsNext how many upcoming Proxmox API requests are answered with {@code httpStatus}
 * @param httpStatus the status of injected HTTP errors (4xx or 5xx, default 503)
 * @param cloneDelayMillis fixed real-time clone duration, replacing the scaled realistic one
 * @param bootDelayMillis fixed real-time boot duration, replacing the scaled realistic one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultSettings(
        Integer failNextClones,
        Integer httpErrorsNext,
        Integer httpStatus,
        Long cloneDelayMillis,
        Long bootDelayMillis) {

    /** Settings that change nothing. */
    public static FaultSettings none() {
        return new FaultSettings(null, null, null, null, null);
    }

    /** Checks value ranges, naming the offending field. */
    void validate() {
        requireNonNegative("failNextClones", failNextClones);
        requireNonNegative("httpErrorsNext", httpErrorsNext);
        requireNonNegative("cloneDelayMillis", cloneDelayMillis);
        requireNonNegative("bootDelayMillis", bootDelayMillis);
        if (httpStatus != null && (httpStatus < 400 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be between 400 and 599, was " + httpStatus);
        }
    }

    private static void requireNonNegative(String field, Number value) {
        if (value != null && value.longValue() < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value);
        }
    }
}
