package io.resourcemanager.simulator.proxmox;

import io.resourcemanager.simulator.time.Delays;
import io.resourcemanager.simulator.time.Latency;

/** Destroys stopped VMs; a running VM is refused as Proxmox refuses it. */
public final class QemuDestroyer {

    private final VmInventory inventory;
    private final TaskRunner runner;
    private final Delays delays;

    QemuDestroyer(VmInventory inventory, TaskRunner runner, Delays delays) {
        this.inventory = inventory;
        this.runner = runner;
        this.delays = delays;
    }

    /**
     * Starts destroying a stopped VM; it is locked ({@code destroyed}) until the task removes it.
     *
     * @return the UPID of the {@code qmdestroy} task
     * @throws ProxmoxException when the VM is unknown, running or locked
     */
    public String destroy(String node, int vmid) throws ProxmoxException {
        synchronized (inventory) {
            VirtualMachine vm = inventory.require(node, vmid);
            if (vm.isRunning()) {
                throw ProxmoxException.failed("VM " + vmid + " is running - destroy failed");
            }
            vm.requireUnlocked();
            vm.lock("destroyed");
            return runner.run("qmdestroy", vmid, delays.of(Latency.DESTROY), () -> inventory.remove(vmid));
        }
    }
}
