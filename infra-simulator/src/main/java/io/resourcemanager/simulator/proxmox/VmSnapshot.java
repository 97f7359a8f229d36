package io.resourcemanager.simulator.proxmox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An immutable view of one VM at one moment.
 *
 * @param vmid VM id
 * @param node Proxmox node holding the VM
 * @param status power state
 * @param template whether the VM is a template
 * @param lock Proxmox lock in force ({@code clone}, {@code destroyed}), or null
 * @param templateName the worker template whose disk the VM carries (its clone lineage)
 * @param uptimeSeconds seconds since start, 0 when stopped
 * @param config the VM's configuration
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VmSnapshot(
        int vmid,
        String node,
        VmStatus status,
        boolean template,
        String lock,
        String templateName,
        long uptimeSeconds,
        VmConfig config) {

    /** The VM name. */
    public String name() {
        return config.name();
    }

    /** The VM tags. */
    public List<String> tags() {
        return config.tags();
    }

    /** True when the QEMU process runs. */
    public boolean running() {
        return status == VmStatus.RUNNING;
    }
}
