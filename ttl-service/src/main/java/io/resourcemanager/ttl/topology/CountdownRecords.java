package io.resourcemanager.ttl.topology;

import io.resourcemanager.events.SubjectType;
import io.resourcemanager.state.ClosedCountdown;
import io.resourcemanager.state.TrackedDeadline;
import io.resourcemanager.ttl.domain.Countdown;
import io.resourcemanager.ttl.domain.Deadline;
import java.time.Instant;

/** Countdowns to and from the values of the {@code deadlines} store. */
final class CountdownRecords {

    private CountdownRecords() {
    }

    static TrackedDeadline toStore(Countdown countdown, Instant dueAt, String correlationId) {
        Deadline deadline = countdown.deadline();
        Countdown.Closure closed = countdown.closed();
        return TrackedDeadline.newBuilder()
                .setSubjectId(deadline.subjectId())
                .setSubjectType(subjectType(deadline.kind()))
                .setDeadline(deadline.at())
                .setExtensionsUsed(deadline.extensionsUsed())
                .setLimit(deadline.limit())
                .setWarned(countdown.warned())
                .setIdleSince(countdown.idleSince())
                .setLastSampledAt(countdown.lastSampledAt())
                .setClosed(closed == null ? null : new ClosedCountdown(closed.at(), closed.expired()))
                .setRecentRequests(countdown.recentRequests())
                .setCorrelationId(correlationId)
                .setDueAt(dueAt)
                .build();
    }

    static Countdown fromStore(TrackedDeadline stored) {
        Deadline deadline = new Deadline(stored.getSubjectId(), kind(stored.getSubjectType()), stored.getDeadline(),
                stored.getLimit(), stored.getExtensionsUsed());
        ClosedCountdown closed = stored.getClosed();
        return new Countdown(deadline, stored.getWarned(), stored.getIdleSince(), stored.getLastSampledAt(),
                closed == null ? null : new Countdown.Closure(closed.getAt(), closed.getExpired()),
                stored.getRecentRequests());
    }

    static SubjectType subjectType(Deadline.SubjectKind kind) {
        return kind == null ? SubjectType.UNKNOWN : SubjectType.valueOf(kind.name());
    }

    static Deadline.SubjectKind kind(SubjectType type) {
        return type == SubjectType.WORKER ? Deadline.SubjectKind.WORKER : Deadline.SubjectKind.ALLOCATION;
    }
}
