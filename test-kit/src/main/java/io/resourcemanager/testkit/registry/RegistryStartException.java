package io.resourcemanager.testkit.registry;

/**
 * The registry process could not be started or did not become ready in time. The message says why
 * and, when the process got as far as writing output, quotes the end of its log.
 */
public class RegistryStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     */
    public RegistryStartException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public RegistryStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
