package io.resourcemanager.simulator.proxmox;

import io.resourcemanager.simulator.time.Delays;
import io.resourcemanager.simulator.time.Latency;
import java.util.Map;

/** Changes VM configurations, synchronously (PUT) or as a {@code qmconfig} task (POST). */
public final class QemuConfigs {

    private final VmInventory inventory;
    private final TaskRunner runner;
    private final Delays delays;

    QemuConfigs(VmInventory inventory, TaskRunner runner, Delays delays) {
        this.inventory = inventory;
        this.runner = runner;
        this.delays = delays;
    }

    /** Applies {@code change} now. */
    public void update(String node, int vmid, ConfigChange change) throws ProxmoxException {
        Map<String, String> values = validate(change);
        synchronized (inventory) {
            apply(inventory.require(node, vmid), change, values);
        }
    }

    /** Validates {@code change} now and applies it in a task; returns the UPID. */
    public String updateAsync(String node, int vmid, ConfigChange change) throws ProxmoxException {
        Map<String, String> values = validate(change);
        synchronized (inventory) {
            inventory.require(node, vmid);
            return runner.run("qmconfig", vmid, delays.of(Latency.CONFIGURE),
                    () -> apply(inventory.require(node, vmid), change, values));
        }
    }

    private static Map<String, String> validate(ConfigChange change) throws ProxmoxException {
        ConfigSchema.requireKnown(change.deletions());
        return ConfigSchema.normalize(change.values());
    }

    private static void apply(VirtualMachine vm, ConfigChange change, Map<String, String> values)
            throws ProxmoxException {
        vm.requireUnlocked();
        if (change.digest().filter(digest -> !digest.equals(vm.config().digest())).isPresent()) {
            throw ProxmoxException.failed("detected modified configuration - file changed by other user? Try again.");
        }
        vm.reconfigure(vm.config().apply(values, change.deletions()));
    }
}
