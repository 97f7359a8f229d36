package io.resourcemanager.simulator.proxmox;

import com.fasterxml.jackson.annotation.JsonValue;

/** Power state of a VM as Proxmox reports it. */
public enum VmStatus {
    /** The QEMU process runs. */
    RUNNING,
    /** No QEMU process. */
    STOPPED;

    /** The lower-case word Proxmox uses. */
    @JsonValue
    public String apiName() {
        return name().toLowerCase();
    }
}
