package io.resourcemanager.health.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One condition a node reports.
 *
 * @param type for example Ready, MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable
 * @param status True, False or Unknown
 * @param reason the kubelet's short reason, if any
 * @param since when the condition last changed status, if known
 */
public record Condition(String type, String status, String reason, Instant since) {

    public Condition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
    }

    /** Whether the condition's status is True. */
    public boolean isTrue() {
        return "True".equals(status);
    }
}
