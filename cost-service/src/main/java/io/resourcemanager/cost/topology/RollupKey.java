package io.resourcemanager.cost.topology;

import io.resourcemanager.cost.domain.CalendarWindow;
import io.resourcemanager.cost.domain.Dimension;
import java.time.Instant;

/**
 * Where one rollup lives: in the store as {@code WINDOW|type|start|value} (start as zero-padded epoch
 * millis, so one range scan finds every value of a type within a time range), on {@code rm.cost.rollups}
 * as {@code type=value|WINDOW|start} (ISO-8601).
 */
record RollupKey(CalendarWindow window, Dimension dimension, Instant start) {

    private static final String SEPARATOR = "|";
    private static final int PADDED_LENGTH = 13;
    private static final String ZEROS = "0".repeat(PADDED_LENGTH);

    static RollupKey parse(String storeKey) {
        String[] parts = storeKey.split("\\|", 4);
        return new RollupKey(CalendarWindow.valueOf(parts[0]), new Dimension(parts[1], parts[3]),
                Instant.ofEpochMilli(Long.parseLong(parts[2])));
    }

    /** The first store key of {@code type}'s {@code window}s starting at or after {@code from}. */
    static String first(CalendarWindow window, String type, Instant from) {
        return window + SEPARATOR + type + SEPARATOR + millis(from) + SEPARATOR;
    }

    /** The last store key of {@code type}'s {@code window}s starting before {@code until}. */
    static String last(CalendarWindow window, String type, Instant until) {
        return window + SEPARATOR + type + SEPARATOR + millis(until.minusMillis(1)) + SEPARATOR + '\uffff';
    }

    String storeKey() {
        return window + SEPARATOR + dimension.type() + SEPARATOR + millis(start) + SEPARATOR + dimension.value();
    }

    String topicKey() {
        return dimension + SEPARATOR + window + SEPARATOR + start;
    }

    Instant end() {
        return window.end(start);
    }

    /** Epoch millis, zero-padded to 13 digits so keys sort by time. */
    static String millis(Instant time) {
        String digits = Long.toString(Math.max(0, time.toEpochMilli()));
        return digits.length() >= PADDED_LENGTH ? digits : ZEROS.substring(digits.length()) + digits;
    }
}
