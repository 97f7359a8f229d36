package io.resourcemanager.cost.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One priced use within one hour, attributed to several dimensions at once (for example division,
 * project, job and the organisation).
 *
 * @param at when it was used; it counts in the hour, day and month holding this instant
 * @param dimensions what it is attributed to
 * @param cost what it cost
 */
public record Charge(Instant at, List<Dimension> dimensions, Cost cost) {

    public Charge {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cost, "cost");
        dimensions = List.copyOf(dimensions);
    }

    /** Start of the hour this charge counts in. */
    public Instant hour() {
        return CalendarWindow.HOUR.start(at);
    }
}
