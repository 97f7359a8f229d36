package io.resourcemanager.ttl.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * A request to move a deadline later.
 *
 * @param requestId idempotency key: a request decided once is never decided again
 * @param subjectId allocation id or worker name
 * @param extension how much later, or null for the policy's default extension
 */
public record ExtensionRequest(String requestId, String subjectId, Duration extension) {

    public ExtensionRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(subjectId, "subjectId");
    }
}
