package io.resourcemanager.simulator.proxmox;

import java.util.Optional;

/**
 * Parameters of a clone, named like the Proxmox API's.
 *
 * @param newId id of the new VM ({@code newid})
 * @param name name of the new VM; Proxmox's default is {@code Copy-of-VM-<source name>}
 * @param description description of the new VM
 * @param target node to create the VM on; defaults to the source's node
 * @param full full clone rather than linked clone (no behavioural difference here)
 */
public record CloneRequest(int newId, Optional<String> name, Optional<String> description, Optional<String> target,
        boolean full) {
}
