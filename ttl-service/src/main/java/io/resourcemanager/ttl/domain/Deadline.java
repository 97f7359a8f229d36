package io.resourcemanager.ttl.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The moment a subject (an allocation or a temporary worker) expires.
 *
 * @param subjectId allocation id or worker name
 * @param kind what the subject is
 * @param at when it expires
 * @param limit the latest {@code at} extensions may reach (the pool's max TTL), or null when unlimited
 * @param extensionsUsed how many extensions it has had
 */
public record Deadline(String subjectId, SubjectKind kind, Instant at, Instant limit, int extensionsUsed) {

    public Deadline {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        if (extensionsUsed < 0) {
            throw new IllegalArgumentException("extensionsUsed must not be negative");
        }
        if (limit != null && limit.isBefore(at)) {
            limit = at;
        }
    }

    /** A first deadline, before any extension. */
    public static Deadline of(String subjectId, SubjectKind kind, Instant at, Instant limit) {
        return new Deadline(subjectId, kind, at, limit, 0);
    }

    /** Time left until the deadline at {@code now}; zero once it has passed. */
    public Duration remaining(Instant now) {
        Duration left = Duration.between(now, at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** How much later the deadline may still move; empty when unlimited. */
    public Optional<Duration> room() {
        return Optional.ofNullable(limit).map(latest -> Duration.between(at, latest));
    }

    /** The same deadline moved {@code extension} later, counting one more extension. */
    public Deadline extendedBy(Duration extension) {
        return new Deadline(subjectId, kind, at.plus(extension), limit, extensionsUsed + 1);
    }

    /** What a deadline belongs to. */
    public enum SubjectKind { ALLOCATION, WORKER }
}
