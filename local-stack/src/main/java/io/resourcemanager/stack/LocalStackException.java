package io.resourcemanager.stack;

/**
 * A problem the person starting the stack can act on (a busy port, a bad option, a module that is
 * not built). Its message is printed as is, without a stack trace.
 */
public class LocalStackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and what to do about it */
    public LocalStackException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
