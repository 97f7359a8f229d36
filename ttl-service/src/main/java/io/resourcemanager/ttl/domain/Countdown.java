package io.resourcemanager.ttl.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The TTL service's knowledge of one subject: its deadline, whether the warning went out, how idle
 * it has been, whether the countdown is over, and the extension requests already decided.
 *
 * @param deadline the current deadline
 * @param warned whether {@code TtlWarning} went out for the current deadline
 * @param idleSince start of the current idle stretch of a worker, or null
 * @param lastSampledAt when the worker's activity was last sampled, or null
 * @param closed set once the countdown is over, or null while it runs
 * @param recentRequests ids of the latest extension requests decided (oldest first)
 */
public record Countdown(Deadline deadline, boolean warned, Instant idleSince, Instant lastSampledAt, Closure closed,
                        List<String> recentRequests) {

    /** How many decided request ids a countdown remembers. */
    public static final int REMEMBERED_REQUESTS = 10;

    public Countdown {
        Objects.requireNonNull(deadline, "deadline");
        recentRequests = List.copyOf(recentRequests);
    }

    /** A countdown that just started. */
    public static Countdown start(Deadline deadline) {
        return new Countdown(deadline, false, null, null, null, List.of());
    }

    /** Whether the countdown still runs (not expired, released or removed). */
    public boolean isRunning() {
        return closed == null;
    }

    /** The subject's id. */
    public String subjectId() {
        return deadline.subjectId();
    }

    Countdown withDeadline(Deadline next, boolean nowWarned) {
        return new Countdown(next, nowWarned, idleSince, lastSampledAt, closed, recentRequests);
    }

    Countdown withIdleness(Instant since, Instant sampledAt) {
        return new Countdown(deadline, warned, since, sampledAt, closed, recentRequests);
    }

    Countdown closedAt(Instant at, boolean expired) {
        return new Countdown(deadline, warned, idleSince, lastSampledAt, new Closure(at, expired), recentRequests);
    }

    Countdown remembering(String requestId) {
        List<String> requests = new java.util.ArrayList<>(recentRequests);
        requests.add(requestId);
        while (requests.size() > REMEMBERED_REQUESTS) {
            requests.remove(0);
        }
        return new Countdown(deadline, warned, idleSince, lastSampledAt, closed, requests);
    }

    /**
     * How a countdown ended.
     *
     * @param at when
     * @param expired true when it expired, false when the subject went away (released, preempted, removed)
     */
    public record Closure(Instant at, boolean expired) {
        public Closure {
            Objects.requireNonNull(at, "at");
        }
    }
}
