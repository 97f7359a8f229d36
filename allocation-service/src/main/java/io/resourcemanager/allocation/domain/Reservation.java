package io.resourcemanager.allocation.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Capacity held for one division, always or in a daily UTC window: other divisions cannot take it,
 * its owner can.
 *
 * @param name reservation name
 * @param owner division it is held for
 * @param reserved resources held
 * @param windowStart start of the daily window (UTC), or null for always
 * @param windowEnd end of the daily window (UTC, exclusive; may be before the start to span midnight)
 */
public record Reservation(String name, String owner, Resources reserved, LocalTime windowStart, LocalTime windowEnd) {

    public Reservation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(reserved, "reserved");
        if ((windowStart == null) != (windowEnd == null)) {
            throw new IllegalArgumentException("Reservation " + name + ": give both ends of the window or neither");
        }
    }

    /** Whether the reservation holds capacity at {@code now}. */
    public boolean isActive(Instant now) {
        if (windowStart == null) {
            return true;
        }
        LocalTime time = LocalTime.ofInstant(now, ZoneOffset.UTC);
        if (windowStart.isBefore(windowEnd)) {
            return !time.isBefore(windowStart) && time.isBefore(windowEnd);
        }
        return !time.isBefore(windowStart) || time.isBefore(windowEnd);
    }
}
