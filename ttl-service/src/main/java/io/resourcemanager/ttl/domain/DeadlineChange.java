package io.resourcemanager.ttl.domain;

import java.time.Instant;

/** What an event means for the deadline of its subject. */
public sealed interface DeadlineChange {

    /** The subject the change is about. */
    String subjectId();

    /** The subject now has this deadline. */
    record Track(Deadline deadline) implements DeadlineChange {
        @Override
        public String subjectId() {
            return deadline.subjectId();
        }
    }

    /** The subject is gone: released, expired or removed. Nothing may expire for it any more. */
    record Forget(String subjectId) implements DeadlineChange {
    }

    /** A deadline granted for {@code ttlSeconds} from {@code activatedAt}. */
    static Track allocation(String allocationId, Instant activatedAt, long ttlSeconds) {
        return new Track(new Deadline(allocationId, Deadline.SubjectKind.ALLOCATION,
                activatedAt.plusSeconds(ttlSeconds), 0));
    }

    /** A temporary worker's deadline. */
    static Track worker(String worker, Instant deadline) {
        return new Track(new Deadline(worker, Deadline.SubjectKind.WORKER, deadline, 0));
    }
}
