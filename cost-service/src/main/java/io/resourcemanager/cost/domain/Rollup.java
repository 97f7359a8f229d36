package io.resourcemanager.cost.domain;

import java.time.Instant;

/** The cost of one dimension within one calendar window. */
public record Rollup(Dimension dimension, CalendarWindow window, Instant start, Cost cost) {

    public Instant end() {
        return window.end(start);
    }
}
