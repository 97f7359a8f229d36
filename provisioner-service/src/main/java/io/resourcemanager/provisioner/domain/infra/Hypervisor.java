package io.resourcemanager.provisioner.domain.infra;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The virtual machines of the worker pools (Proxmox VE). Every method either completes what it names
 * (waiting for the asynchronous task it starts) or throws {@link InfraException.Retriable} /
 * {@link InfraException.Permanent}. Methods that change a VM are idempotent: repeating one after a
 * crash or a lost answer does no harm and creates nothing twice.
 */
public interface Hypervisor {

    /**
     * Makes sure a VM named {@code name} exists, cloned from template VM {@code templateVmId}: when one
     * with that name already exists it is reused (after any clone still running on it has finished);
     * otherwise a free id is taken and the template cloned.
     *
     * @param full full clone (independent disk) rather than a linked clone
     * @param timeout how long to wait for the clone task
     * @return the VM, stopped
     */
    VmInfo ensureCloned(String name, int templateVmId, boolean full, Duration timeout);

    /** Sets name, tags, cores, memory and machine-config reference; waits for the change to apply. */
    void configure(int vmId, VmSettings settings, Duration timeout);

    /** Starts the VM and waits for the start task; a running VM is left as it is. */
    void start(int vmId, Duration timeout);

    /**
     * Reboots the VM (ACPI reboot) and waits for the task; a stopped VM is started instead, which is what
     * rebooting a powered-off machine means (a node whose VM went down is healed by the reboot rung).
     */
    void reboot(int vmId, Duration timeout);

    /**
     * Asks the guest to shut down and, when it has not stopped after {@code forceStopAfter}, stops the
     * VM hard. A stopped or absent VM is left as it is.
     */
    void shutdown(int vmId, Duration forceStopAfter);

    /** Destroys the VM and its disks and waits for the task; an absent VM is left as it is. */
    void delete(int vmId, Duration timeout);

    /** The VM with this id, if it exists. */
    Optional<VmInfo> find(int vmId);

    /** The VM with this name, if it exists. */
    Optional<VmInfo> findByName(String name);

    /** Every VM tagged as managed by the resource manager. */
    List<VmInfo> managedVms();
}
