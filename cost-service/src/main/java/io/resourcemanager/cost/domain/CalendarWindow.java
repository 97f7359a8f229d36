package io.resourcemanager.cost.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** Calendar windows of cost rollups, in UTC: hours, days and months. */
public enum CalendarWindow {
    HOUR, DAY, MONTH;

    /** Start of the window that holds {@code time}. */
    public Instant start(Instant time) {
        ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
        switch (this) {
            case HOUR:
                return utc.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAY:
                return utc.truncatedTo(ChronoUnit.DAYS).toInstant();
            default:
                return utc.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
        }
    }

    /** End (exclusive) of the window starting at {@code start}. */
    public Instant end(Instant start) {
        ZonedDateTime utc = start.atZone(ZoneOffset.UTC);
        switch (this) {
            case HOUR:
                return utc.plusHours(1).toInstant();
            case DAY:
                return utc.plusDays(1).toInstant();
            default:
                return utc.plusMonths(1).toInstant();
        }
    }
}
