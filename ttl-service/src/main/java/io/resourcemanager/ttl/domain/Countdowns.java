package io.resourcemanager.ttl.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The TTL rules of SPEC §6 as pure decisions over one countdown: learning and forgetting subjects,
 * extensions and their limits, activity samples, and what is due at a moment. Callers store the
 * resulting countdown and file it under {@link #dueAt(Countdown)}; nothing here reads a clock.
 */
public final class Countdowns {

    private final TtlPolicy policy;

    public Countdowns(TtlPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The policy the rules apply. */
    public TtlPolicy policy() {
        return policy;
    }

    /** Applies one input about the subject of {@code existing} (null when the subject is not tracked). */
    public Outcome apply(Countdown existing, CountdownInput input, Instant now) {
        if (input instanceof CountdownInput.Track track) {
            return learn(existing, track.deadline());
        }
        if (input instanceof CountdownInput.Extend extend) {
            return extend(existing, extend.request());
        }
        if (input instanceof CountdownInput.Observe observe) {
            return observe(existing, observe.sample());
        }
        return forget(existing, now);
    }

    /**
     * A subject got a deadline. The first deadline learned for a subject wins: a repeated or late event
     * (an extended or finished countdown included) changes nothing; only extensions move a deadline.
     */
    public Outcome learn(Countdown existing, Deadline deadline) {
        if (existing != null) {
            return Outcome.unchanged(existing);
        }
        return Outcome.updated(Countdown.start(deadline));
    }

    /** The subject went away (released, preempted, removed): nothing may expire for it any more. */
    public Outcome forget(Countdown existing, Instant now) {
        if (existing == null || !existing.isRunning()) {
            return Outcome.unchanged(existing);
        }
        return Outcome.updated(existing.closedAt(now, false));
    }

    /** Decides an extension request; a request decided before changes nothing and announces nothing. */
    public Outcome extend(Countdown existing, ExtensionRequest request) {
        if (existing != null && existing.recentRequests().contains(request.requestId())) {
            return Outcome.unchanged(existing);
        }
        Duration extension = Optional.ofNullable(request.extension()).orElse(policy.defaultExtension());
        Optional<Refusal> refusal = refusal(existing, extension);
        if (existing == null) {
            TtlFact refused = new TtlFact.Refused(request.subjectId(), null, refusal.orElseThrow(), request.requestId());
            return new Outcome(Outcome.Change.NONE, null, List.of(refused));
        }
        Countdown decided = existing.remembering(request.requestId());
        Deadline before = existing.deadline();
        if (refusal.isPresent()) {
            return Outcome.updated(decided, new TtlFact.Refused(before.subjectId(), before.kind(), refusal.get(),
                    request.requestId()));
        }
        Deadline after = before.extendedBy(extension);
        return Outcome.updated(decided.withDeadline(after, false), new TtlFact.Extended(before, after, request.requestId()));
    }

    /** Why extending {@code countdown} by {@code extension} would be refused; empty when it would be granted. */
    public Optional<Refusal> refusal(Countdown countdown, Duration extension) {
        if (countdown == null) {
            return Optional.of(new Refusal(Refusal.Reason.UNKNOWN_SUBJECT, "No deadline is tracked for this subject"));
        }
        Deadline deadline = countdown.deadline();
        if (!countdown.isRunning()) {
            String how = countdown.closed().expired() ? "expired" : "was released or removed";
            return Optional.of(new Refusal(Refusal.Reason.ALREADY_OVER,
                    deadline.subjectId() + " " + how + " at " + countdown.closed().at()));
        }
        if (extension.isZero() || extension.isNegative()) {
            return Optional.of(new Refusal(Refusal.Reason.NOT_POSITIVE, "An extension must be positive, got " + extension));
        }
        if (deadline.extensionsUsed() >= policy.maxExtensions()) {
            return Optional.of(new Refusal(Refusal.Reason.TOO_MANY_EXTENSIONS, "At most " + policy.maxExtensions()
                    + " extensions; " + deadline.subjectId() + " had " + deadline.extensionsUsed()));
        }
        Optional<Duration> room = deadline.room();
        if (room.isPresent() && extension.compareTo(room.get()) > 0) {
            return Optional.of(new Refusal(Refusal.Reason.PAST_LIMIT, "Extending by " + describe(extension)
                    + " would pass the max TTL: the deadline may not move past " + deadline.limit()
                    + ", at most " + describe(room.get()) + " more"));
        }
        return Optional.empty();
    }

    /** A worker's activity was sampled: busy ends an idle stretch, idle starts one (older samples are ignored). */
    public Outcome observe(Countdown existing, ActivitySample sample) {
        if (existing == null || !existing.isRunning() || existing.deadline().kind() != Deadline.SubjectKind.WORKER
                || (existing.lastSampledAt() != null && !sample.sampledAt().isAfter(existing.lastSampledAt()))) {
            return Outcome.unchanged(existing);
        }
        boolean idle = sample.cpuFraction() < policy.idleCpu() && sample.workloadPods() == 0;
        Instant idleSince = idle ? Optional.ofNullable(existing.idleSince()).orElse(sample.sampledAt()) : null;
        return Outcome.updated(existing.withIdleness(idleSince, sample.sampledAt()));
    }

    /** The next moment {@link #fire} has something to do for {@code countdown}. */
    public Instant dueAt(Countdown countdown) {
        if (!countdown.isRunning()) {
            return countdown.closed().at().plus(policy.closedRetention());
        }
        Deadline deadline = countdown.deadline();
        Instant due = countdown.warned() ? deadline.at() : deadline.at().minus(policy.warningLead());
        if (countdown.idleSince() != null) {
            Instant idleDue = countdown.idleSince().plus(policy.idleAfter());
            due = idleDue.isBefore(due) ? idleDue : due;
        }
        return due;
    }

    /**
     * Whatever is due at {@code now}: the expiry at the deadline (no warning once it is that late), an idle
     * expiry while idleness is still being observed, the warning, or removal of a long-finished countdown.
     */
    public Outcome fire(Countdown countdown, Instant now) {
        if (!countdown.isRunning()) {
            boolean purge = !now.isBefore(dueAt(countdown));
            return purge ? new Outcome(Outcome.Change.REMOVED, null, List.of()) : Outcome.unchanged(countdown);
        }
        Deadline deadline = countdown.deadline();
        if (!now.isBefore(deadline.at())) {
            return expire(countdown, ExpiryCause.DEADLINE, now);
        }
        Countdown next = countdown;
        if (idleStretchReached(countdown, now)) {
            if (idlenessObserved(countdown, now)) {
                return expire(countdown, ExpiryCause.IDLE, now);
            }
            next = countdown.withIdleness(null, countdown.lastSampledAt());
        }
        List<TtlFact> facts = new ArrayList<>();
        if (!next.warned() && !now.isBefore(deadline.at().minus(policy.warningLead()))) {
            facts.add(new TtlFact.Warned(deadline, deadline.remaining(now)));
            next = next.withDeadline(deadline, true);
        }
        return next == countdown ? Outcome.unchanged(countdown) : new Outcome(Outcome.Change.UPDATED, next, facts);
    }

    private Outcome expire(Countdown countdown, ExpiryCause cause, Instant now) {
        Deadline deadline = countdown.deadline();
        return Outcome.updated(countdown.closedAt(now, true),
                new TtlFact.Expired(deadline, cause, policy.graceFor(deadline.kind(), cause)));
    }

    private boolean idleStretchReached(Countdown countdown, Instant now) {
        return countdown.idleSince() != null && !now.isBefore(countdown.idleSince().plus(policy.idleAfter()));
    }

    private boolean idlenessObserved(Countdown countdown, Instant now) {
        return countdown.lastSampledAt() != null
                && !now.isAfter(countdown.lastSampledAt().plus(policy.sampleMaxAge()));
    }

    private static String describe(Duration duration) {
        if (duration.toSecondsPart() != 0 || duration.toMillisPart() != 0) {
            return duration.toSeconds() + " s";
        }
        return duration.toMinutesPart() == 0 ? duration.toHours() + " h" : duration.toMinutes() + " min";
    }
}
