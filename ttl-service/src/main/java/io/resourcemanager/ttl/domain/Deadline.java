package io.resourcemanager.ttl.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The moment a subject (an allocation or a temporary worker) expires.
 *
 * @param subjectId allocation id or worker name
 * @param kind what the subject is
 * @param deadline when it expires
 * @param extensionsUsed how many extensions it has had
 */
public record Deadline(String subjectId, SubjectKind kind, Instant deadline, int extensionsUsed) {

    public Deadline {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(deadline, "deadline");
        if (extensionsUsed < 0) {
            throw new IllegalArgumentException("extensionsUsed must not be negative");
        }
    }

    /** Time left until the deadline at the clock's now; zero once it has passed. */
    public Duration remaining(Clock clock) {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether the deadline has been reached at the clock's now. */
    public boolean isDue(Clock clock) {
        return !clock.instant().isBefore(deadline);
    }

    /** What a deadline belongs to. */
    public enum SubjectKind { ALLOCATION, WORKER }
}
