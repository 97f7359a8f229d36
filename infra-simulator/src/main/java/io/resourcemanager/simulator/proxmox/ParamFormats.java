package io.resourcemanager.simulator.proxmox;

/** Proxmox's scalar parameter formats, with Proxmox's wording for bad values. */
public final class ParamFormats {

    /** Proxmox's reason for a parameter it does not know. */
    public static final String NOT_IN_SCHEMA =
            "property is not defined in schema and the schema does not allow additional properties";

    /** Proxmox's reason for a required parameter that is absent. */
    public static final String MISSING = "property is missing and it is not optional";

    private ParamFormats() {
    }

    /**
     * Parses a Proxmox boolean (1/0, true/false, yes/no, on/off) into "1" or "0".
     *
     * @throws IllegalArgumentException with Proxmox's message for anything else
     */
    public static String bool(String value) {
        return switch (value.trim().toLowerCase()) {
            case "1", "true", "yes", "on" -> "1";
            case "0", "false", "no", "off" -> "0";
            default -> throw new IllegalArgumentException("type check ('boolean') failed - got '" + value + "'");
        };
    }

    /**
     * Parses an integer within bounds.
     *
     * @throws IllegalArgumentException with Proxmox's message when not an integer or out of bounds
     */
    public static long integer(String value, long min, long max) {
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("type check ('integer') failed - got '" + value + "'");
        }
        if (parsed < min) {
            throw new IllegalArgumentException("value must have a minimum value of " + min);
        }
        if (parsed > max) {
            throw new IllegalArgumentException("value must have a maximum value of " + max);
        }
        return parsed;
    }
}
