package io.resourcemanager.simulator.proxmox;

import io.resourcemanager.simulator.faults.Faults;
import io.resourcemanager.simulator.time.Delays;
import io.resourcemanager.simulator.time.Latency;
import io.resourcemanager.simulator.time.Scheduler;
import java.time.Duration;
import java.util.Optional;

/**
 * Powers VMs on and off. A started VM runs when its {@code qmstart} task ends and its guest reports
 * booted after the boot latency; shutdown asks the guest and waits for it up to the timeout; reboot
 * shuts the guest down and starts it again within one {@code qmreboot} task.
 */
public final class QemuPower {

    private final VmInventory inventory;
    private final TaskRunner runner;
    private final Scheduler scheduler;
    private final Delays delays;
    private final VmLifecycleListener listener;
    private final Faults faults;

    QemuPower(VmInventory inventory, TaskRunner runner, Scheduler scheduler, Delays delays,
            VmLifecycleListener listener, Faults faults) {
        this.inventory = inventory;
        this.runner = runner;
        this.scheduler = scheduler;
        this.delays = delays;
        this.listener = listener;
        this.faults = faults;
    }

    /**
     * Starts a VM; the task fails when the VM is locked or already running, or when a start failure is
     * injected (QEMU exits, the VM stays stopped). Returns the UPID.
     */
    public String start(String node, int vmid) throws ProxmoxException {
        synchronized (inventory) {
            VirtualMachine vm = inventory.require(node, vmid);
            if (vm.isTemplate()) {
                throw ProxmoxException.failed("you can't start a vm if it's a template");
            }
            boolean failing = faults.takeStartFailure();
            return runner.run("qmstart", vmid, delays.of(Latency.START), () -> {
                if (failing) {
                    unlocked(node, vmid);
                    throw ProxmoxException.failed("start failed: QEMU exited with code 1");
                }
                powerOn(node, vmid);
            });
        }
    }

    /**
     * Reboots a running VM: the guest shuts down (failing the task with "got timeout" when it needs longer
     * than {@code timeout}), then the VM starts again and its guest boots as after a start. Returns the UPID.
     */
    public String reboot(String node, int vmid, Optional<Duration> timeout) throws ProxmoxException {
        synchronized (inventory) {
            VirtualMachine vm = inventory.require(node, vmid);
            if (!vm.isRunning()) {
                throw ProxmoxException.failed("VM " + vmid + " not running");
            }
            Duration guest = delays.of(Latency.GUEST_SHUTDOWN);
            boolean timesOut = timeout.filter(limit -> limit.compareTo(guest) < 0).isPresent();
            Duration delay = timesOut ? timeout.get() : guest.plus(delays.of(Latency.START));
            return runner.run("qmreboot", vmid, delay, () -> {
                VirtualMachine current = unlocked(node, vmid);
                if (timesOut) {
                    throw ProxmoxException.failed("VM quit/powerdown failed - got timeout");
                }
                if (!current.isRunning()) {
                    throw ProxmoxException.failed("VM " + vmid + " not running");
                }
                powerOff(current);
                powerOn(node, vmid);
            });
        }
    }

    /**
     * Asks the guest to shut down. When the guest needs longer than {@code timeout}, the task fails
     * ("got timeout") unless {@code forceStop}, which stops the VM at the timeout. Returns the UPID.
     */
    public String shutdown(String node, int vmid, Optional<Duration> timeout, boolean forceStop)
            throws ProxmoxException {
        synchronized (inventory) {
            inventory.require(node, vmid);
            Duration guest = delays.of(Latency.GUEST_SHUTDOWN);
            boolean timesOut = timeout.filter(limit -> limit.compareTo(guest) < 0).isPresent();
            Duration delay = timesOut ? timeout.get() : guest;
            return runner.run("qmshutdown", vmid, delay, () -> {
                VirtualMachine vm = unlocked(node, vmid);
                if (timesOut && !forceStop && vm.isRunning()) {
                    throw ProxmoxException.failed("VM quit/powerdown failed - got timeout");
                }
                powerOff(vm);
            });
        }
    }

    /** Stops a VM at once (pulls the plug). Returns the UPID. */
    public String stop(String node, int vmid) throws ProxmoxException {
        synchronized (inventory) {
            inventory.require(node, vmid);
            return runner.run("qmstop", vmid, delays.of(Latency.STOP), () -> powerOff(unlocked(node, vmid)));
        }
    }

    private void powerOn(String node, int vmid) throws ProxmoxException {
        VirtualMachine vm = unlocked(node, vmid);
        if (vm.isRunning()) {
            throw ProxmoxException.failed("VM " + vmid + " already running");
        }
        vm.powerOn(inventory.now());
        long cycle = vm.powerCycle();
        scheduler.schedule(delays.of(Latency.BOOT), () -> bootCompleted(vm, cycle));
    }

    private void bootCompleted(VirtualMachine vm, long cycle) {
        synchronized (inventory) {
            inventory.findSame(vm)
                    .filter(same -> same.isRunning() && same.powerCycle() == cycle)
                    .ifPresent(same -> listener.guestBooted(same.snapshot(inventory.now())));
        }
    }

    private VirtualMachine unlocked(String node, int vmid) throws ProxmoxException {
        VirtualMachine vm = inventory.require(node, vmid);
        vm.requireUnlocked();
        return vm;
    }

    private void powerOff(VirtualMachine vm) {
        if (vm.isRunning()) {
            vm.powerOff();
            listener.poweredOff(vm.snapshot(inventory.now()));
        }
    }
}
