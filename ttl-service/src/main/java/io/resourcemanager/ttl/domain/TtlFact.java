package io.resourcemanager.ttl.domain;

import java.time.Duration;

/** What the TTL service announces about a subject. */
public sealed interface TtlFact {

    /** The subject the fact is about. */
    String subjectId();

    /** The deadline is near: {@code remaining} left. */
    record Warned(Deadline deadline, Duration remaining) implements TtlFact {
        @Override
        public String subjectId() {
            return deadline.subjectId();
        }
    }

    /** The subject expired; a worker may keep running for {@code grace} before it is drained. */
    record Expired(Deadline deadline, ExpiryCause cause, Duration grace) implements TtlFact {
        @Override
        public String subjectId() {
            return deadline.subjectId();
        }
    }

    /** The deadline moved from {@code before} to {@code after} at the request {@code requestId}. */
    record Extended(Deadline before, Deadline after, String requestId) implements TtlFact {
        @Override
        public String subjectId() {
            return after.subjectId();
        }
    }

    /** The extension request {@code requestId} was refused. */
    record Refused(String subjectId, Deadline.SubjectKind kind, Refusal refusal, String requestId) implements TtlFact {
    }
}
