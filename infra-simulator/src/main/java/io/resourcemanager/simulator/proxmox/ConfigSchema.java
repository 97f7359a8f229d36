package io.resourcemanager.simulator.proxmox;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The VM config keys the simulator understands, with Proxmox's validation and normalization.
 * Unknown keys are refused the way Proxmox refuses them.
 */
final class ConfigSchema {

    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*");
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9_\\-+.]*");

    private static final Map<String, UnaryOperator<String>> RULES = Map.of(
            "name", ConfigSchema::dnsName,
            "tags", ConfigSchema::tags,
            "cores", value -> integer(value, 1, 8192),
            "sockets", value -> integer(value, 1, 4),
            "memory", value -> integer(value, 16, 4_178_944),
            "description", ConfigSchema::description,
            "cicustom", value -> value,
            "onboot", ParamFormats::bool);

    private ConfigSchema() {
    }

    /**
     * Validates and normalizes config values.
     *
     * @throws ProxmoxException 400 naming every invalid key
     */
    static Map<String, String> normalize(Map<String, String> values) throws ProxmoxException {
        Map<String, String> normalized = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            UnaryOperator<String> rule = RULES.get(key);
            if (rule == null) {
                errors.put(key, ParamFormats.NOT_IN_SCHEMA);
                return;
            }
            try {
                normalized.put(key, rule.apply(value));
            } catch (IllegalArgumentException e) {
                errors.put(key, e.getMessage());
            }
        });
        if (!errors.isEmpty()) {
            throw ProxmoxException.invalidParameters(errors);
        }
        return normalized;
    }

    /** Checks that every key to delete is a known key. */
    static void requireKnown(Collection<String> keys) throws ProxmoxException {
        Map<String, String> errors = keys.stream().filter(key -> !RULES.containsKey(key))
                .collect(Collectors.toMap(key -> key, key -> ParamFormats.NOT_IN_SCHEMA, (a, b) -> a, LinkedHashMap::new));
        if (!errors.isEmpty()) {
            throw ProxmoxException.invalidParameters(errors);
        }
    }

    private static String integer(String value, long min, long max) {
        return Long.toString(ParamFormats.integer(value, min, max));
    }

    private static String dnsName(String value) {
        if (!DNS_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("value does not look like a valid DNS name");
        }
        return value;
    }

    private static String tags(String value) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : value.split("[;, ]+")) {
            if (tag.isEmpty()) {
                continue;
            }
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("invalid format - invalid tag '" + tag + "'");
            }
            tags.add(tag);
        }
        return String.join(";", tags);
    }

    private static String description(String value) {
        if (value.length() > 8192) {
            throw new IllegalArgumentException("value may only be 8192 characters long");
        }
        return value;
    }
}
