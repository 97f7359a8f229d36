package io.resourcemanager.simulator.proxmox;

import io.resourcemanager.simulator.faults.Faults;
import io.resourcemanager.simulator.template.WorkerTemplate;
import io.resourcemanager.simulator.time.Delays;
import io.resourcemanager.simulator.time.Scheduler;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The simulated Proxmox VE cluster: its VMs, its tasks and the operations the REST API exposes. */
public final class ProxmoxBackend {

    private final VmInventory inventory;
    private final Tasks tasks;
    private final QemuCloner cloner;
    private final QemuPower power;
    private final QemuConfigs configs;
    private final QemuDestroyer destroyer;

    /**
     * @param node name of the single Proxmox node
     * @param token the accepted API token (its principal appears in UPIDs)
     * @param scheduler runs task completions
     * @param delays latencies of the steps
     * @param faults injected faults
     * @param listener told when guests boot and VMs power off
     * @param clock source of times
     */
    public ProxmoxBackend(String node, ApiToken token, Scheduler scheduler, Delays delays, Faults faults,
            VmLifecycleListener listener, Clock clock) {
        this.inventory = new VmInventory(node, clock);
        this.tasks = new Tasks(node, token.principal(), clock);
        TaskRunner runner = new TaskRunner(tasks, scheduler, inventory);
        this.cloner = new QemuCloner(inventory, runner, delays, faults);
        this.power = new QemuPower(inventory, runner, scheduler, delays, listener, faults);
        this.configs = new QemuConfigs(inventory, runner, delays);
        this.destroyer = new QemuDestroyer(inventory, runner, delays);
    }

    /** Adds the stopped template VM of {@code template} (its vmid, name {@code talos-<name>}). */
    public void addTemplate(WorkerTemplate template) {
        synchronized (inventory) {
            inventory.add(new VirtualMachine(template.vmid(), inventory.node(), true, template.name(),
                    hardware(template, template.templateVmName(), List.of("template"))));
        }
    }

    /**
     * Adds a running VM under the next free id, as if started long ago; no lifecycle event is sent,
     * the caller registers its node.
     *
     * @return its snapshot
     */
    public VmSnapshot addRunningWorker(String name, List<String> tags, WorkerTemplate template) {
        synchronized (inventory) {
            VirtualMachine vm = new VirtualMachine(inventory.nextFreeId(), inventory.node(), false, template.name(),
                    hardware(template, name, tags));
            inventory.add(vm);
            vm.powerOn(inventory.now());
            return vm.snapshot(inventory.now());
        }
    }

    /** All VMs and the node name. */
    public VmInventory inventory() {
        return inventory;
    }

    /** Task lookup. */
    public Tasks tasks() {
        return tasks;
    }

    /** Clone operations. */
    public QemuCloner cloner() {
        return cloner;
    }

    /** Power operations. */
    public QemuPower power() {
        return power;
    }

    /** Config operations. */
    public QemuConfigs configs() {
        return configs;
    }

    /** Destroy operations. */
    public QemuDestroyer destroyer() {
        return destroyer;
    }

    private static VmConfig hardware(WorkerTemplate template, String name, List<String> tags) {
        return VmConfig.of(Map.of(
                "name", name,
                "cores", Integer.toString(template.cores()),
                "memory", Integer.toString(template.memoryMb()),
                "tags", String.join(";", tags),
                "description", "Talos worker, template " + template.name()));
    }
}
