package io.resourcemanager.ttl.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The numbers of SPEC §6, as plain values.
 *
 * @param warningLead how long before a deadline {@code TtlWarning} goes out (5 min)
 * @param workerGrace how long an expired worker may keep running before it is drained (5 min)
 * @param defaultExtension how much one extension adds when the request names no amount (2 h)
 * @param maxExtensions how many extensions one subject may have (3)
 * @param maxLifetime the longest life of a subject whose event names no limit of its own, counted
 *                    from when it started (12 h, the burst pool's max TTL)
 * @param idleCpu CPU fraction below which a worker without workload pods counts as idle (0.05)
 * @param idleAfter how long a worker must stay idle before it expires early (30 min)
 * @param sampleMaxAge how old the latest activity sample may be for an idle expiry (5 min): idleness
 *                     is only acted upon while it is being observed
 * @param closedRetention how long a finished countdown is kept so that late or repeated events change
 *                        nothing (24 h)
 */
public record TtlPolicy(Duration warningLead, Duration workerGrace, Duration defaultExtension, int maxExtensions,
                        Duration maxLifetime, double idleCpu, Duration idleAfter, Duration sampleMaxAge,
                        Duration closedRetention) {

    /** SPEC §6 defaults. */
    public static final TtlPolicy DEFAULTS = new TtlPolicy(Duration.ofMinutes(5), Duration.ofMinutes(5),
            Duration.ofHours(2), 3, Duration.ofHours(12), 0.05, Duration.ofMinutes(30), Duration.ofMinutes(5),
            Duration.ofHours(24));

    public TtlPolicy {
        for (Duration duration : new Duration[] {warningLead, workerGrace, defaultExtension, maxLifetime, idleAfter,
                sampleMaxAge, closedRetention}) {
            Objects.requireNonNull(duration, "durations of the TTL policy");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("TTL policy durations must not be negative: " + duration);
            }
        }
        if (defaultExtension.isZero()) {
            throw new IllegalArgumentException("the default extension must be positive");
        }
        if (maxExtensions < 0) {
            throw new IllegalArgumentException("maxExtensions must not be negative: " + maxExtensions);
        }
        if (idleCpu < 0 || idleCpu > 1) {
            throw new IllegalArgumentException("idleCpu must be a fraction from 0 to 1: " + idleCpu);
        }
    }

    /**
     * The deadline of a subject that started at {@code startedAt} and must end at {@code at}; its limit is
     * {@code eventLimit} when the event names one, else {@code startedAt + maxLifetime} (never before {@code at}).
     */
    public Deadline deadline(String subjectId, Deadline.SubjectKind kind, Instant startedAt, Instant at,
                             Instant eventLimit) {
        Instant limit = eventLimit != null ? eventLimit : startedAt.plus(maxLifetime);
        return Deadline.of(subjectId, kind, at, limit);
    }

    /** Grace an expired subject gets: workers keep running this long, allocations none; idle workers none. */
    public Duration graceFor(Deadline.SubjectKind kind, ExpiryCause cause) {
        return kind == Deadline.SubjectKind.WORKER && cause == ExpiryCause.DEADLINE ? workerGrace : Duration.ZERO;
    }
}
