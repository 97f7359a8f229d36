package io.resourcemanager.cost.api;

import io.resourcemanager.cost.config.CostProperties;
import io.resourcemanager.cost.domain.CalendarWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The windows a cost query covers: {@code period} hour, day or month (default day) from {@code from} to
 * {@code to} (ISO-8601 instants or dates, UTC; {@code to} excluded, default the end of the current window;
 * {@code from} defaults to 24 hours, 30 days or 12 months before). Reversed or too long spans are refused.
 */
record QuerySpan(CalendarWindow window, Instant from, Instant to) {

    static QuerySpan parse(String period, String from, String to, CostProperties limits, Instant now) {
        CalendarWindow window = window(period);
        Instant until = to == null ? window.end(window.start(now)) : instant("to", to);
        Instant start = from == null ? defaultFrom(window, until) : window.start(instant("from", from));
        if (!start.isBefore(until)) {
            throw new BadQueryException("from", "from must be before to, was from " + start + " to " + until);
        }
        long windows = count(window, start, until);
        long max = window == CalendarWindow.HOUR ? limits.maxHours()
                : window == CalendarWindow.DAY ? limits.maxDays() : limits.maxMonths();
        if (windows > max) {
            throw new BadQueryException("to", "a " + name(window) + " period covers at most " + max + " "
                    + name(window) + "s, from " + start + " to " + until + " is " + windows);
        }
        return new QuerySpan(window, start, until);
    }

    private static CalendarWindow window(String period) {
        if (period == null) {
            return CalendarWindow.DAY;
        }
        try {
            return CalendarWindow.valueOf(period.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new BadQueryException("period", "period must be hour, day or month, was " + period);
        }
    }

    private static Instant instant(String field, String text) {
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException invalid) {
            throw new BadQueryException(field, field + " must be an ISO-8601 instant or date (UTC), was " + text);
        }
    }

    private static Instant defaultFrom(CalendarWindow window, Instant until) {
        switch (window) {
            case HOUR:
                return CalendarWindow.HOUR.start(until.minus(24, ChronoUnit.HOURS));
            case DAY:
                return CalendarWindow.DAY.start(until.minus(30, ChronoUnit.DAYS));
            default:
                return until.atZone(ZoneOffset.UTC).minusMonths(12).toInstant();
        }
    }

    private static long count(CalendarWindow window, Instant from, Instant until) {
        switch (window) {
            case HOUR:
                return ChronoUnit.HOURS.between(from, until.minusMillis(1)) + 1;
            case DAY:
                return ChronoUnit.DAYS.between(from, until.minusMillis(1)) + 1;
            default:
                return ChronoUnit.MONTHS.between(from.atZone(ZoneOffset.UTC), until.minusMillis(1).atZone(ZoneOffset.UTC)) + 1;
        }
    }

    private static String name(CalendarWindow window) {
        return window.name().toLowerCase(Locale.ROOT);
    }
}
