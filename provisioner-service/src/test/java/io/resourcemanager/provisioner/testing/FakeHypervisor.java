package io.resourcemanager.provisioner.testing;

import io.resourcemanager.provisioner.domain.infra.Hypervisor;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import io.resourcemanager.provisioner.domain.infra.VmInfo;
import io.resourcemanager.provisioner.domain.infra.VmInfo.VmPower;
import io.resourcemanager.provisioner.domain.infra.VmSettings;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An in-memory Proxmox cluster with the templates of SPEC §3 (9001-9004). Tasks complete at once.
 * As in Proxmox, a clone takes the lowest free id from 100, is stopped and carries no tags until
 * {@link #configure}; a VM boots into a worker only once configured with a machine config; a running
 * VM cannot be destroyed. When linked to a {@link FakeClusterNodes}, a started VM registers its node
 * there and a stopped or destroyed one leaves it NotReady. Calls that change a VM are recorded
 * ({@code "clone burst-abc from 9001"}, {@code "configure 105"}, {@code "start 105"},
 * {@code "reboot 105"}, {@code "shutdown 105"}, {@code "delete 105"}).
 */
public final class FakeHypervisor implements Hypervisor {

    private static final String HOST = "pve1";
    private static final int FIRST_ID = 100;

    private final FakeClusterNodes cluster;
    private final Faults faults;
    private final Map<Integer, Vm> vms = new TreeMap<>();
    private final Map<Integer, Vm> templates = new TreeMap<>();

    /** A hypervisor whose VMs join no cluster. */
    public FakeHypervisor() {
        this(null, new CallLog());
    }

    /** A hypervisor whose started VMs register as nodes of {@code cluster}. */
    public FakeHypervisor(FakeClusterNodes cluster) {
        this(cluster, cluster.timeline());
    }

    private FakeHypervisor(FakeClusterNodes cluster, CallLog timeline) {
        this.cluster = cluster;
        this.faults = new Faults(EnumSet.of(Operation.CLONE, Operation.CONFIGURE, Operation.START, Operation.REBOOT,
                Operation.SHUTDOWN, Operation.DELETE_VM, Operation.FIND_VM, Operation.LIST_VMS), timeline);
        addTemplate(9001, "small", 4, 8192);
        addTemplate(9002, "medium", 8, 16384);
        addTemplate(9003, "large", 16, 32768);
        addTemplate(9004, "gpu-nvidia", 8, 32768);
    }

    @Override
    public VmInfo ensureCloned(String name, int templateVmId, boolean full, Duration timeout) {
        String call = "clone " + name + " from " + templateVmId;
        faults.before(Operation.CLONE, call, true);
        VmInfo cloned;
        synchronized (this) {
            Optional<Vm> existing = vms.values().stream().filter(vm -> vm.name.equals(name)).findFirst();
            if (existing.isPresent()) {
                cloned = existing.get().info();
            } else {
                Vm template = templates.get(templateVmId);
                if (template == null) {
                    throw new InfraException.Permanent(call + ": template VM " + templateVmId + " does not exist");
                }
                Vm vm = new Vm(freeId(), name, template.cores, template.memoryMb);
                vms.put(vm.id, vm);
                cloned = vm.info();
            }
        }
        faults.after(Operation.CLONE, call);
        return cloned;
    }

    @Override
    public void configure(int vmId, VmSettings settings, Duration timeout) {
        String call = "configure " + vmId;
        faults.before(Operation.CONFIGURE, call, true);
        synchronized (this) {
            existing(vmId, call).configure(settings);
        }
        faults.after(Operation.CONFIGURE, call);
    }

    @Override
    public void start(int vmId, Duration timeout) {
        String call = "start " + vmId;
        faults.before(Operation.START, call, true);
        synchronized (this) {
            Vm vm = existing(vmId, call);
            if (vm.power != VmPower.RUNNING) {
                vm.power = VmPower.RUNNING;
                boot(vm);
            }
        }
        faults.after(Operation.START, call);
    }

    @Override
    public void reboot(int vmId, Duration timeout) {
        String call = "reboot " + vmId;
        faults.before(Operation.REBOOT, call, true);
        synchronized (this) {
            Vm vm = existing(vmId, call);
            vm.power = VmPower.RUNNING;
            boot(vm);
        }
        faults.after(Operation.REBOOT, call);
    }

    @Override
    public void shutdown(int vmId, Duration forceStopAfter) {
        String call = "shutdown " + vmId;
        faults.before(Operation.SHUTDOWN, call, true);
        synchronized (this) {
            Vm vm = vms.get(vmId);
            if (vm != null && vm.power != VmPower.STOPPED) {
                vm.power = VmPower.STOPPED;
                if (cluster != null) {
                    cluster.vmStopped(vm.name);
                }
            }
        }
        faults.after(Operation.SHUTDOWN, call);
    }

    @Override
    public void delete(int vmId, Duration timeout) {
        String call = "delete " + vmId;
        faults.before(Operation.DELETE_VM, call, true);
        synchronized (this) {
            Vm vm = vms.get(vmId);
            if (vm != null && vm.power != VmPower.STOPPED) {
                throw new InfraException.Permanent(call + ": VM " + vmId + " is running - destroy failed");
            }
            vms.remove(vmId);
        }
        faults.after(Operation.DELETE_VM, call);
    }

    @Override
    public Optional<VmInfo> find(int vmId) {
        faults.before(Operation.FIND_VM, "find " + vmId, false);
        synchronized (this) {
            return Optional.ofNullable(vms.get(vmId)).map(Vm::info);
        }
    }

    @Override
    public Optional<VmInfo> findByName(String name) {
        faults.before(Operation.FIND_VM, "find " + name, false);
        synchronized (this) {
            return vms.values().stream().filter(vm -> vm.name.equals(name)).findFirst().map(Vm::info);
        }
    }

    @Override
    public List<VmInfo> managedVms() {
        faults.before(Operation.LIST_VMS, "list VMs", false);
        synchronized (this) {
            return vms.values().stream().filter(vm -> vm.managed).map(Vm::info).toList();
        }
    }

    // ---- the world around the port -------------------------------------------------------------

    /** Adds a template VM that clones copy cores and memory from. */
    public synchronized FakeHypervisor addTemplate(int vmId, String name, int cores, long memoryMb) {
        templates.put(vmId, new Vm(vmId, name, cores, memoryMb));
        return this;
    }

    /** Adds a VM that exists already, such as a permanent worker not created by the resource manager. */
    public synchronized FakeHypervisor add(VmInfo info) {
        Vm vm = new Vm(info.vmId(), info.name(), 4, 8192);
        vm.power = info.power();
        vm.managed = info.managed();
        vm.pool = info.pool();
        vm.template = info.template();
        vm.machineConfig = "installed";
        vms.put(vm.id, vm);
        return this;
    }

    // ---- fault injection ------------------------------------------------------------------------

    /** The next call of {@code operation} fails with {@code fault}, changing nothing. */
    public void failNext(Operation operation, Fault fault) {
        faults.failNext(operation, 1, fault);
    }

    /** The next {@code times} calls of {@code operation} fail with {@code fault}, changing nothing. */
    public void failNext(Operation operation, int times, Fault fault) {
        faults.failNext(operation, times, fault);
    }

    /**
     * The next call of {@code operation} takes effect, but its caller sees {@code fault}: a lost answer,
     * or for {@link Operation#CLONE} a clone that fails after creating a VM it leaves behind.
     */
    public void failAfterNext(Operation operation, Fault fault) {
        faults.failAfterNext(operation, fault);
    }

    /** The next call of {@code operation} takes effect, then the caller crashes with {@link SimulatedCrash}. */
    public void crashAfter(Operation operation) {
        faults.crashAfter(operation);
    }

    // ---- queries --------------------------------------------------------------------------------

    /** Every VM, managed or not, by id. */
    public synchronized List<VmInfo> vms() {
        return vms.values().stream().map(Vm::info).toList();
    }

    /** The machine config reference a VM was configured with, or null. */
    public synchronized String machineConfig(int vmId) {
        Vm vm = vms.get(vmId);
        return vm == null ? null : vm.machineConfig;
    }

    /** The calls that changed a VM, in order. */
    public List<String> calls() {
        return faults.calls();
    }

    private void boot(Vm vm) {
        if (cluster != null && vm.machineConfig != null) {
            cluster.vmRunning(vm.name, vm.cores, vm.memoryMb, vm.template);
        }
    }

    private int freeId() {
        int id = FIRST_ID;
        while (vms.containsKey(id) || templates.containsKey(id)) {
            id++;
        }
        return id;
    }

    private Vm existing(int vmId, String call) {
        Vm vm = vms.get(vmId);
        if (vm == null) {
            throw new InfraException.Permanent(call + ": VM " + vmId + " does not exist");
        }
        return vm;
    }

    /** A VM's mutable state; guarded by the enclosing fake. */
    private static final class Vm {
        private final int id;
        private String name;
        private int cores;
        private long memoryMb;
        private VmPower power = VmPower.STOPPED;
        private boolean managed;
        private String pool;
        private String template;
        private String machineConfig;

        Vm(int id, String name, int cores, long memoryMb) {
            this.id = id;
            this.name = name;
            this.cores = cores;
            this.memoryMb = memoryMb;
        }

        void configure(VmSettings settings) {
            name = settings.name();
            pool = settings.pool();
            template = settings.template();
            cores = settings.cores();
            memoryMb = settings.memoryMb();
            machineConfig = settings.machineConfig();
            managed = true;
        }

        VmInfo info() {
            return new VmInfo(id, name, HOST, power, managed, pool, template, false);
        }
    }
}
