package io.resourcemanager.simulator.http;

import java.util.Map;

/** A request the simulator refuses: an HTTP status, a message, and per-parameter errors if any. */
public class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> errors;

    /**
     * @param status HTTP status
     * @param message human-readable reason
     * @param errors per-parameter reasons, keyed by parameter name (may be empty)
     */
    public ApiException(int status, String message, Map<String, String> errors) {
        super(message);
        this.status = status;
        this.errors = Map.copyOf(errors);
    }

    /** Refusal without per-parameter errors. */
    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    /** HTTP status of the refusal. */
    public int status() {
        return status;
    }

    /** Per-parameter reasons, keyed by parameter name. */
    public Map<String, String> errors() {
        return errors;
    }
}
