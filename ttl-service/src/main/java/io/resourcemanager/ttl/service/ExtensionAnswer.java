package io.resourcemanager.ttl.service;

import io.resourcemanager.ttl.domain.Refusal;
import java.time.Instant;

/** How an extension request made over the API ended. */
public sealed interface ExtensionAnswer {

    /** The deadline moved. */
    record Extended(String subjectId, String subjectType, Instant previousDeadline, Instant deadline,
                    int extensionsUsed) implements ExtensionAnswer {
    }

    /** Refused by the rules; {@code field} names the request field at fault, or null when none is. */
    record Refused(Refusal refusal, String field) implements ExtensionAnswer {
    }

    /** Refused by the countdowns although the check before passed: another request or the expiry came first. */
    record Overtaken(String reason) implements ExtensionAnswer {
    }

    /** Accepted, but the decision did not come back in time; it will still be made and announced. */
    record Pending(String requestId) implements ExtensionAnswer {
    }
}
