package io.resourcemanager.allocation.domain;

import java.util.Locale;
import java.util.Optional;

/** Priority class of an allocation, lowest first. */
public enum Priority {
    LOW, NORMAL, HIGH, CRITICAL;

    /**
     * Whether an allocation of this priority may take capacity from one of {@code victim}'s:
     * critical preempts low and normal, high preempts low, nothing preempts high or critical.
     */
    public boolean mayPreempt(Priority victim) {
        return switch (this) {
            case CRITICAL -> victim == LOW || victim == NORMAL;
            case HIGH -> victim == LOW;
            default -> false;
        };
    }

    /** The priority named {@code value} (case-insensitive), if it is one. */
    public static Optional<Priority> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Priority priority : values()) {
            if (priority.name().equalsIgnoreCase(value.strip())) {
                return Optional.of(priority);
            }
        }
        return Optional.empty();
    }

    /** The lower-case name used by the APIs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
