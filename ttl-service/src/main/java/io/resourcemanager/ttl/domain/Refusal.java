package io.resourcemanager.ttl.domain;

import java.util.Objects;

/**
 * Why an extension was refused.
 *
 * @param reason the kind of refusal
 * @param message what a person reads: the rule and the numbers
 */
public record Refusal(Reason reason, String message) {

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** Kinds of refusal. */
    public enum Reason {
        /** The subject is not tracked (never was, or forgotten long ago). */
        UNKNOWN_SUBJECT,
        /** The countdown is over: expired, released or removed. */
        ALREADY_OVER,
        /** The extension asked for is zero or negative. */
        NOT_POSITIVE,
        /** The subject had all its extensions. */
        TOO_MANY_EXTENSIONS,
        /** The new deadline would pass the subject's limit (the pool's max TTL). */
        PAST_LIMIT
    }
}
