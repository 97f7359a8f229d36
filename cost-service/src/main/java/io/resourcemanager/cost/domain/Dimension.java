package io.resourcemanager.cost.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a cost is attributed to: a type (pool, division, project, job, model, agent, organisation) and a
 * value, written {@code type=value}.
 */
public record Dimension(String type, String value) {

    public static final String POOL = "pool";
    public static final String DIVISION = "division";
    public static final String PROJECT = "project";
    public static final String JOB = "job";
    public static final String MODEL = "model";
    public static final String AGENT = "agent";
    /** Everything consumers used, together (value {@link #ALL}). */
    public static final String ORGANISATION = "organisation";
    public static final String ALL = "all";

    /** Every dimension type, in the order reports list them. */
    public static final List<String> TYPES = List.of(POOL, DIVISION, PROJECT, JOB, MODEL, AGENT, ORGANISATION);

    public Dimension {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Unknown dimension type '" + type + "', expected one of " + TYPES);
        }
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A " + type + " must be a printable, non-blank name");
        }
    }

    /** Parses {@code type=value}. */
    public static Dimension parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("A dimension is written type=value, for example pool=burst: " + text);
        }
        return new Dimension(text.substring(0, equals).strip(), text.substring(equals + 1).strip());
    }

    @Override
    public String toString() {
        return type + "=" + value;
    }
}
