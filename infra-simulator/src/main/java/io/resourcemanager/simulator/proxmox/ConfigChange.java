package io.resourcemanager.simulator.proxmox;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A config update as the Proxmox API takes it.
 *
 * @param values keys to set (name, tags, cores, memory, description, cicustom, ...)
 * @param deletions keys to remove ({@code delete} parameter)
 * @param digest expected digest of the current config; a mismatch refuses the update
 */
public record ConfigChange(Map<String, String> values, Set<String> deletions, Optional<String> digest) {

    /** Copies the collections. */
    public ConfigChange {
        values = Map.copyOf(values);
        deletions = Set.copyOf(deletions);
    }
}
