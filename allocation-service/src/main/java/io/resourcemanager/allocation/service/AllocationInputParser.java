package io.resourcemanager.allocation.service;

import io.resourcemanager.allocation.config.AllocationProperties;
import io.resourcemanager.allocation.domain.Priority;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the loosely typed input of REST and MCP into a {@link NewAllocation}, or fails naming the
 * first bad field. The contract: job_id non-empty; mcp_servers a list of names (may be empty);
 * workers an integer ≥ 0; priority one of low, normal, high, critical; ttl_seconds ≥ 1; metadata a
 * bounded string map; cpu (cores) / memory (MB) / gpu per worker optional and positive.
 */
@Singleton
public final class AllocationInputParser {

    private static final long DEFAULT_TTL_SECONDS = 3600;

    private final AllocationProperties properties;

    AllocationInputParser(AllocationProperties properties) {
        this.properties = properties;
    }

    public NewAllocation parse(Map<String, Object> input) {
        String jobId = text(input, "job_id", true);
        List<String> mcpServers = names(input);
        int workers = (int) integer(input, "workers", 0, 0, 10_000);
        Priority priority = priority(input);
        long ttl = integer(input, "ttl_seconds", DEFAULT_TTL_SECONDS, 1, Long.MAX_VALUE / 1000);
        Map<String, String> metadata = metadata(input);
        Long cpuMillis = input.get("cpu") == null ? null : cpuMillis(input.get("cpu"));
        Long memoryMb = input.get("memory") == null ? null : integer(input, "memory", 0, 1, 10_000_000);
        int gpu = (int) integer(input, "gpu", 0, 0, 64);
        String onInsufficient = text(input, "on_insufficient", false);
        if (onInsufficient != null && !onInsufficient.equals("fail") && !onInsufficient.equals("queue")) {
            throw new InvalidInputException("on_insufficient", "must be fail or queue, got '" + onInsufficient + "'");
        }
        return new NewAllocation(text(input, "request_id", false), jobId, mcpServers, workers, cpuMillis, memoryMb, gpu,
                priority, ttl, metadata, text(input, "pool", false), text(input, "template", false),
                "queue".equals(onInsufficient));
    }

    private static String text(Map<String, Object> input, String field, boolean required) {
        Object value = input.get(field);
        if (value == null) {
            if (required) {
                throw new InvalidInputException(field, "is required");
            }
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidInputException(field, "must be a string");
        }
        if (text.isBlank()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        return text.strip();
    }

    private static List<String> names(Map<String, Object> input) {
        Object value = input.get("mcp_servers");
        if (value == null) {
            throw new InvalidInputException("mcp_servers", "is required (a list of names, may be empty)");
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidInputException("mcp_servers", "must be a list of names");
        }
        List<String> names = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String name) || name.isBlank()) {
                throw new InvalidInputException("mcp_servers", "must contain only non-empty names");
            }
            names.add(name.strip());
        }
        return names;
    }

    private static long integer(Map<String, Object> input, String field, long fallback, long min, long max) {
        Object value = input.get(field);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new InvalidInputException(field, "must be an integer");
        }
        long result = number.longValue();
        if (result < min || result > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max + ", got " + result);
        }
        return result;
    }

    private static long cpuMillis(Object value) {
        if (!(value instanceof Number number) || number.doubleValue() <= 0 || number.doubleValue() > 1024) {
            throw new InvalidInputException("cpu", "must be a number of cores greater than 0 and at most 1024");
        }
        return Math.round(number.doubleValue() * 1000);
    }

    private static Priority priority(Map<String, Object> input) {
        Object value = input.get("priority");
        if (value == null) {
            return Priority.NORMAL;
        }
        return Priority.parse(value instanceof String text ? text : null).orElseThrow(() -> new InvalidInputException(
                "priority", "must be one of low, normal, high, critical, got '" + value + "'"));
    }

    private Map<String, String> metadata(Map<String, Object> input) {
        Object value = input.get("metadata");
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidInputException("metadata", "must be an object of strings");
        }
        if (map.size() > properties.maxMetadataEntries()) {
            throw new InvalidInputException("metadata", "has " + map.size() + " entries, at most "
                    + properties.maxMetadataEntries() + " are allowed");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getValue() instanceof String text)) {
                throw new InvalidInputException("metadata." + entry.getKey(), "must be a string");
            }
            String key = String.valueOf(entry.getKey());
            if (key.length() > properties.maxMetadataValueLength() || text.length() > properties.maxMetadataValueLength()) {
                throw new InvalidInputException("metadata." + key, "is longer than "
                        + properties.maxMetadataValueLength() + " characters");
            }
            metadata.put(key, text);
        }
        return metadata;
    }
}
