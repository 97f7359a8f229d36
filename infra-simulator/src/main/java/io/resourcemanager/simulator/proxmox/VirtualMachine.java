package io.resourcemanager.simulator.proxmox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** A VM's mutable state; guarded by the {@link VmInventory} lock. */
final class VirtualMachine {

    private final int vmid;
    private final String node;
    private final boolean template;
    private final String templateName;
    private VmConfig config;
    private VmStatus status = VmStatus.STOPPED;
    private Instant startedAt;
    private String lock;
    private long powerCycle;

    VirtualMachine(int vmid, String node, boolean template, String templateName, VmConfig config) {
        this.vmid = vmid;
        this.node = node;
        this.template = template;
        this.templateName = templateName;
        this.config = config;
    }

    /** A stopped copy of this VM under a new id, locked until the clone completes. */
    VirtualMachine cloneAs(int newId, String targetNode, Map<String, String> changes) {
        VirtualMachine copy = new VirtualMachine(newId, targetNode, false, templateName, config.apply(changes, Set.of()));
        copy.lock = "clone";
        return copy;
    }

    int vmid() {
        return vmid;
    }

    boolean isTemplate() {
        return template;
    }

    boolean isRunning() {
        return status == VmStatus.RUNNING;
    }

    long powerCycle() {
        return powerCycle;
    }

    VmConfig config() {
        return config;
    }

    void reconfigure(VmConfig next) {
        this.config = next;
    }

    /** Refuses when a lock is in force, as Proxmox does. */
    void requireUnlocked() throws ProxmoxException {
        if (lock != null) {
            throw ProxmoxException.failed("VM is locked (" + lock + ")");
        }
    }

    void lock(String reason) {
        this.lock = reason;
    }

    void unlock() {
        this.lock = null;
    }

    void powerOn(Instant now) {
        status = VmStatus.RUNNING;
        startedAt = now;
        powerCycle++;
    }

    void powerOff() {
        status = VmStatus.STOPPED;
        startedAt = null;
    }

    VmSnapshot snapshot(Instant now) {
        long uptime = startedAt == null ? 0 : Duration.between(startedAt, now).toSeconds();
        return new VmSnapshot(vmid, node, status, template, lock, templateName, uptime, config);
    }
}
