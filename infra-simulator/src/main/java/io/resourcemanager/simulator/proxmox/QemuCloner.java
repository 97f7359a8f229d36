package io.resourcemanager.simulator.proxmox;

import io.resourcemanager.simulator.faults.Faults;
import io.resourcemanager.simulator.time.Delays;
import io.resourcemanager.simulator.time.Latency;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Clones VMs. The new VM exists at once, stopped and locked ({@code lock: clone}); the task unlocks it
 * when the copy completes, or removes it again when the clone fails.
 */
public final class QemuCloner {

    private final VmInventory inventory;
    private final TaskRunner runner;
    private final Delays delays;
    private final Faults faults;

    QemuCloner(VmInventory inventory, TaskRunner runner, Delays delays, Faults faults) {
        this.inventory = inventory;
        this.runner = runner;
        this.delays = delays;
        this.faults = faults;
    }

    /**
     * Starts cloning VM {@code sourceId} on {@code node}.
     *
     * @return the UPID of the {@code qmclone} task
     * @throws ProxmoxException when the source or target node is unknown, the new id is taken, or a
     *         parameter is invalid
     */
    public String clone(String node, int sourceId, CloneRequest request) throws ProxmoxException {
        synchronized (inventory) {
            VirtualMachine source = inventory.require(node, sourceId);
            String target = request.target().orElse(node);
            inventory.requireNode(target);
            inventory.requireFree(request.newId());
            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("name", request.name().orElse("Copy-of-VM-" + source.config().name()));
            request.description().ifPresent(description -> changes.put("description", description));
            VirtualMachine copy = source.cloneAs(request.newId(), target, ConfigSchema.normalize(changes));
            inventory.add(copy);
            boolean failing = faults.takeCloneFailure();
            return runner.run("qmclone", sourceId, copy.vmid(), delays.of(Latency.CLONE), () -> finish(copy, failing));
        }
    }

    private void finish(VirtualMachine copy, boolean failing) throws ProxmoxException {
        if (failing) {
            inventory.remove(copy.vmid());
            throw ProxmoxException.failed("clone failed: copy failed: storage 'local-lvm' reported an I/O error");
        }
        copy.unlock();
    }
}
