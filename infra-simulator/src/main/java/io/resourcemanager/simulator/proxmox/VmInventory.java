package io.resourcemanager.simulator.proxmox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * All VMs of the simulated Proxmox cluster. Its monitor is the lock of all Proxmox state: operations
 * synchronize on the inventory while they read or change VMs.
 */
public final class VmInventory {

    private static final int FIRST_GUEST_ID = 100;

    private final String node;
    private final Clock clock;
    private final SortedMap<Integer, VirtualMachine> vms = new TreeMap<>();

    /**
     * @param node the name of the single Proxmox node
     * @param clock source of uptimes and task times
     */
    public VmInventory(String node, Clock clock) {
        this.node = node;
        this.clock = clock;
    }

    /** The Proxmox node name. */
    public String node() {
        return node;
    }

    /** Snapshots of all VMs, by id. */
    public synchronized List<VmSnapshot> snapshots() {
        Instant now = clock.instant();
        return vms.values().stream().map(vm -> vm.snapshot(now)).toList();
    }

    /** A snapshot of VM {@code vmid} on {@code node}. */
    public synchronized VmSnapshot snapshot(String node, int vmid) throws ProxmoxException {
        return require(node, vmid).snapshot(clock.instant());
    }

    /** The lowest free guest id (100 and up). */
    public synchronized int nextFreeId() {
        int candidate = FIRST_GUEST_ID;
        while (vms.containsKey(candidate)) {
            candidate++;
        }
        return candidate;
    }

    /** Refuses when {@code vmid} is taken, with Proxmox's message. */
    public synchronized void requireFree(int vmid) throws ProxmoxException {
        if (vms.containsKey(vmid)) {
            throw ProxmoxException.failed("VM " + vmid + " already exists on node '" + node + "'");
        }
    }

    /** Refuses an unknown node name. */
    public void requireNode(String name) throws ProxmoxException {
        if (!node.equals(name)) {
            throw ProxmoxException.noSuchNode(name);
        }
    }

    Instant now() {
        return clock.instant();
    }

    VirtualMachine require(String nodeName, int vmid) throws ProxmoxException {
        requireNode(nodeName);
        VirtualMachine vm = vms.get(vmid);
        if (vm == null) {
            throw ProxmoxException.noSuchVm(nodeName, vmid);
        }
        return vm;
    }

    /** The VM with {@code vmid} if it is still {@code expected} (not destroyed and re-created). */
    Optional<VirtualMachine> findSame(VirtualMachine expected) {
        return Optional.ofNullable(vms.get(expected.vmid())).filter(vm -> vm == expected);
    }

    void add(VirtualMachine vm) {
        vms.put(vm.vmid(), vm);
    }

    void remove(int vmid) {
        vms.remove(vmid);
    }
}
