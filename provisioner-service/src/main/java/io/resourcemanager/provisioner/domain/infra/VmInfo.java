package io.resourcemanager.provisioner.domain.infra;

import java.util.Objects;

/**
 * A VM as the hypervisor shows it.
 *
 * @param vmId Proxmox VM id
 * @param name VM name (also the Kubernetes node name of its worker)
 * @param host the hypervisor host (Proxmox node) it runs on
 * @param power whether it runs
 * @param managed whether it carries the tag marking it as created by the resource manager
 * @param pool worker pool from its tags, or null
 * @param template worker template from its tags, or null
 * @param locked whether a task (clone, migration, ...) holds its lock
 */
public record VmInfo(int vmId, String name, String host, VmPower power, boolean managed, String pool,
                     String template, boolean locked) {

    public VmInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(power, "power");
    }

    /** Power state of a VM. */
    public enum VmPower { RUNNING, STOPPED, PAUSED }
}
