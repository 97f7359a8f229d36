package io.resourcemanager.provisioner.domain.infra;

import java.time.Duration;
import java.util.Optional;

/**
 * A call to the outside world (Proxmox, Kubernetes, Talos, metrics) failed. Every adapter throws one of
 * the two subclasses, so callers decide on the class alone whether trying again can help.
 */
public abstract sealed class InfraException extends RuntimeException
        permits InfraException.Retriable, InfraException.Permanent {

    protected InfraException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the same call may succeed later (timeouts, 429, 5xx, locks, conflicts). */
    public abstract boolean retriable();

    /** A failure that may go away: unreachable, rate limited, server error, busy resource, conflict. */
    public static final class Retriable extends InfraException {

        private final transient Duration retryAfter;

        public Retriable(String message, Throwable cause) {
            this(message, cause, null);
        }

        public Retriable(String message) {
            this(message, null, null);
        }

        /**
         * A failure that says when trying again makes sense, such as an open circuit breaker that stops
         * every call until it half-opens: the caller waits instead of spending its retries.
         */
        public Retriable(String message, Throwable cause, Duration retryAfter) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }

        /** How long to wait before trying again, when the failure knows. */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        @Override
        public boolean retriable() {
            return true;
        }
    }

    /** A failure that repeating will not fix: bad credentials, missing rights, invalid request, missing template. */
    public static final class Permanent extends InfraException {
        public Permanent(String message, Throwable cause) {
            super(message, cause);
        }

        public Permanent(String message) {
            this(message, null);
        }

        @Override
        public boolean retriable() {
            return false;
        }
    }
}
