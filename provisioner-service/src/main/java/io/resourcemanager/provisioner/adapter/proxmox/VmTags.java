package io.resourcemanager.provisioner.adapter.proxmox;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Proxmox tags that mark a VM as the resource manager's: {@code resource-manager},
 * {@code pool-<pool>} and {@code template-<template>} (the tags the permanent workers carry). Proxmox
 * tags are {@code [a-z0-9_][a-z0-9_\-+.]*}, separated by {@code ;} (also {@code ,} or spaces on input).
 *
 * @param tags the VM's tags, lower case
 */
record VmTags(Set<String> tags) {

    /** The tag on every VM the resource manager created. */
    static final String MANAGED = "resource-manager";
    static final String POOL_PREFIX = "pool-";
    static final String TEMPLATE_PREFIX = "template-";

    private static final Pattern TAG = Pattern.compile("[a-z0-9_][a-z0-9_\\-+.]*");

    /** Parses Proxmox's {@code tags} value (null or empty for none). */
    static VmTags parse(String value) {
        if (value == null || value.isBlank()) {
            return new VmTags(Set.of());
        }
        return new VmTags(Arrays.stream(value.split("[;,\\s]+"))
                .filter(tag -> !tag.isEmpty())
                .map(tag -> tag.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /**
     * The tags of a managed VM of {@code pool} and {@code template}.
     *
     * @throws IllegalArgumentException when a name cannot be a Proxmox tag
     */
    static VmTags managed(String pool, String template) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(MANAGED);
        tags.add(tag(POOL_PREFIX + pool));
        tags.add(tag(TEMPLATE_PREFIX + template));
        return new VmTags(tags);
    }

    boolean isManaged() {
        return tags.contains(MANAGED);
    }

    Optional<String> pool() {
        return withPrefix(POOL_PREFIX);
    }

    Optional<String> template() {
        return withPrefix(TEMPLATE_PREFIX);
    }

    /** The value Proxmox stores: tags joined by {@code ;}. */
    String value() {
        return String.join(";", tags);
    }

    private Optional<String> withPrefix(String prefix) {
        return tags.stream().filter(tag -> tag.startsWith(prefix) && tag.length() > prefix.length())
                .map(tag -> tag.substring(prefix.length())).findFirst();
    }

    private static String tag(String value) {
        String tag = value.toLowerCase(Locale.ROOT);
        if (!TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("'" + value + "' cannot be a Proxmox tag");
        }
        return tag;
    }
}
