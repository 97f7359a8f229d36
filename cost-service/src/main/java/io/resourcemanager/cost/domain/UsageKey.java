package io.resourcemanager.cost.domain;

import java.util.Objects;

/**
 * Identifies one running usage total: a cost dimension (who used it) and a usage kind (what).
 *
 * @param dimension for example {@code division=security}, or {@code division=unassigned}
 * @param kind usage kind, for example {@code CPU_CORE_HOURS}
 */
public record UsageKey(String dimension, String kind) {

    private static final String SEPARATOR = "|";
    private static final String UNASSIGNED = "unassigned";

    public UsageKey {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(kind, "kind");
        if (dimension.contains(SEPARATOR) || kind.contains(SEPARATOR)) {
            throw new IllegalArgumentException("Usage dimension and kind may not contain " + SEPARATOR);
        }
    }

    /** The key of usage by {@code division} (blank or null: unassigned). */
    public static UsageKey forDivision(String division, String kind) {
        String name = division == null || division.isBlank() ? UNASSIGNED : division.strip();
        return new UsageKey("division=" + name.replace(SEPARATOR, "_"), kind);
    }

    /** Parses the form produced by {@link #asString()}. */
    public static UsageKey parse(String value) {
        int at = value.indexOf(SEPARATOR);
        if (at < 0) {
            throw new IllegalArgumentException("Not a usage key: " + value);
        }
        return new UsageKey(value.substring(0, at), value.substring(at + 1));
    }

    /** A single string form, used as a store and record key. */
    public String asString() {
        return dimension + SEPARATOR + kind;
    }
}
