package io.resourcemanager.ttl.domain;

/** Something learned about a subject, from the events the TTL service follows. */
public sealed interface CountdownInput {

    /** The subject the input is about. */
    String subjectId();

    /** The subject has this deadline (a granted allocation, a temporary worker that joined). */
    record Track(Deadline deadline) implements CountdownInput {
        @Override
        public String subjectId() {
            return deadline.subjectId();
        }
    }

    /** The subject is gone: released, expired, preempted or removed. */
    record Forget(String subjectId) implements CountdownInput {
    }

    /** Someone asks for a later deadline. */
    record Extend(ExtensionRequest request) implements CountdownInput {
        @Override
        public String subjectId() {
            return request.subjectId();
        }
    }

    /** A worker's activity was sampled. */
    record Observe(ActivitySample sample) implements CountdownInput {
        @Override
        public String subjectId() {
            return sample.worker();
        }
    }
}
