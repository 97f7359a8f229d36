package io.resourcemanager.allocation.mcpservers;

/** A call to the {@link McpDeployments} port failed; {@link #retriable()} says whether trying again may help. */
public abstract sealed class McpDeploymentException extends RuntimeException
        permits McpDeploymentException.Unavailable, McpDeploymentException.Refused {

    private McpDeploymentException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the same call may succeed later. */
    public abstract boolean retriable();

    /** The API server could not be reached, timed out, was busy or conflicted. Retriable. */
    public static final class Unavailable extends McpDeploymentException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean retriable() {
            return true;
        }
    }

    /** The API server refused the call (no such server, forbidden, invalid). Permanent. */
    public static final class Refused extends McpDeploymentException {
        public Refused(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean retriable() {
            return false;
        }
    }
}
