package io.resourcemanager.simulator.proxmox;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The configuration of a VM: Proxmox config keys with their (normalized) string values, such as
 * {@code name}, {@code cores}, {@code memory}, {@code tags}, {@code description}, {@code cicustom}.
 * Immutable.
 */
public final class VmConfig {

    private final SortedMap<String, String> values;

    private VmConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /** A configuration holding exactly {@code values}. */
    public static VmConfig of(Map<String, String> values) {
        return new VmConfig(values);
    }

    /** This configuration with {@code changes} set and {@code deletions} removed. */
    public VmConfig apply(Map<String, String> changes, Collection<String> deletions) {
        SortedMap<String, String> next = new TreeMap<>(values);
        next.putAll(changes);
        deletions.forEach(next::remove);
        return new VmConfig(next);
    }

    /** The VM name. */
    public String name() {
        return values.getOrDefault("name", "");
    }

    /** vCPU cores (Proxmox default 1). */
    public int cores() {
        return Integer.parseInt(values.getOrDefault("cores", "1"));
    }

    /** Memory in MB (Proxmox default 512). */
    public long memoryMb() {
        return Long.parseLong(values.getOrDefault("memory", "512"));
    }

    /** Tags, in configured order. */
    public List<String> tags() {
        String tags = values.getOrDefault("tags", "");
        return tags.isEmpty() ? List.of() : Arrays.asList(tags.split(";"));
    }

    /** The value of {@code key}, if set. */
    public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** All keys and values, sorted by key. */
    @JsonValue
    public Map<String, String> asMap() {
        return values;
    }

    /** A SHA-1 over the content, like the {@code digest} Proxmox uses to detect concurrent edits. */
    public String digest() {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(values.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JDK", e);
        }
    }
}
