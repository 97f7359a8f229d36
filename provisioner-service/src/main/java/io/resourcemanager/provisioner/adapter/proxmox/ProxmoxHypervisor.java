package io.resourcemanager.provisioner.adapter.proxmox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.tree.JsonNode;
import io.resourcemanager.provisioner.domain.infra.Hypervisor;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import io.resourcemanager.provisioner.domain.infra.VmInfo;
import io.resourcemanager.provisioner.domain.infra.VmInfo.VmPower;
import io.resourcemanager.provisioner.domain.infra.VmSettings;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@link Hypervisor} over the Proxmox VE REST API ({@code /api2/json}) of one node
 * ({@code rm.proxmox.node}), through {@link ProxmoxApi} (retries, circuit breaker, error classes).
 *
 * <ul>
 *   <li>Clone: {@code GET /cluster/nextid}, then {@code POST /nodes/{node}/qemu/{template}/clone} with
 *       {@code newid}, {@code name}, {@code full}; the {@code qmclone} task is polled to its end. A VM with
 *       the same name (templates excepted) is reused instead, once its lock (a clone still running) has
 *       cleared. When another clone took the id between {@code nextid} and the clone
 *       ({@code already exists}), a new id is taken. Clones of one name are serialised within this
 *       process, so one name never yields two VMs here; separate processes must not provision one name
 *       at once. A missing template is {@link InfraException.Permanent}.</li>
 *   <li>Configure: {@code POST .../config} (a {@code qmconfig} task) with {@code name}, {@code cores},
 *       {@code memory}, {@code tags} and {@code cicustom}. Tags: {@code resource-manager;pool-<pool>;
 *       template-<template>} (see {@link VmTags}); {@link #managedVms()} and {@link VmInfo#pool()} /
 *       {@link VmInfo#template()} read them back. The machine config reference is written as cloud-init
 *       custom data: a reference such as {@code local:snippets/talos-burst.yaml} becomes
 *       {@code cicustom: user=local:snippets/talos-burst.yaml}; a reference that already names its parts
 *       ({@code user=...}, contains {@code =}) is written as it is. Talos' nocloud platform reads its
 *       machine config from that user data.</li>
 *   <li>Power: {@code POST .../status/start}, {@code .../status/reboot} (with {@code timeout}),
 *       {@code .../status/shutdown} with {@code timeout} and {@code forceStop=1} (Proxmox stops the VM hard
 *       when the guest has not shut down in time; should it still run afterwards, {@code .../status/stop}
 *       follows), each task polled to its end. Starting a running VM and shutting down a stopped or absent
 *       one do nothing.</li>
 *   <li>Delete: {@code DELETE /nodes/{node}/qemu/{vmid}} with {@code purge} and
 *       {@code destroy-unreferenced-disks}; an absent VM is fine, a running one is refused by Proxmox
 *       ({@code is running - destroy failed}, permanent: shut it down first).</li>
 *   <li>Read: {@code GET .../status/current} and {@code GET /nodes/{node}/qemu}; numbers are read whether
 *       Proxmox writes them as numbers or strings.</li>
 * </ul>
 *
 * A task that fails is classified by its exit status: locks, timeouts and busy resources are retriable,
 * anything else (a failed copy, QEMU not starting) permanent. A task still running at the caller's
 * timeout is retriable; calling again waits for the same VM rather than starting over.
 */
@Singleton
@Requires(property = ProxmoxProperties.PREFIX + ".url")
final class ProxmoxHypervisor implements Hypervisor {

    private static final Logger LOG = LoggerFactory.getLogger(ProxmoxHypervisor.class);
    private static final String MDC_VM = "vm";

    private final ProxmoxApi api;
    private final ProxmoxTasks tasks;
    private final String node;
    private final Duration stopTimeout;
    /** One lock per worker name being cloned, so clones of different workers never wait for each other. */
    private final Map<String, Object> cloneLocks = new ConcurrentHashMap<>();

    ProxmoxHypervisor(ProxmoxApi api, ProxmoxProperties properties, Clock clock) {
        this.api = api;
        this.tasks = new ProxmoxTasks(api, clock, properties.taskPollInterval());
        this.node = properties.node();
        this.stopTimeout = properties.stopTimeout();
    }

    @Override
    public VmInfo ensureCloned(String name, int templateVmId, boolean full, Duration timeout) {
        Instant deadline = tasks.deadline(timeout);
        Object lock = cloneLocks.computeIfAbsent(name, key -> new Object());
        try {
            synchronized (lock) {
                return cloneByName(name, templateVmId, full, timeout, deadline);
            }
        } finally {
            cloneLocks.remove(name, lock);
        }
    }

    private VmInfo cloneByName(String name, int templateVmId, boolean full, Duration timeout, Instant deadline) {
        while (true) {
            Optional<VmInfo> existing = findByName(name).flatMap(vm -> awaitUnlocked(vm, deadline));
            if (existing.isPresent()) {
                LOG.info("VM {} ({}) exists already; reusing it", existing.get().vmId(), name);
                return existing.get();
            }
            Optional<VmInfo> cloned = cloneOnce(name, templateVmId, full, deadline);
            if (cloned.isPresent()) {
                return cloned.get();
            }
            if (tasks.left(deadline).isZero()) {
                throw new InfraException.Retriable("Could not clone " + name + " within " + timeout);
            }
        }
    }

    @Override
    public void configure(int vmId, VmSettings settings, Duration timeout) {
        Instant deadline = tasks.deadline(timeout);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_VM, Integer.toString(vmId))) {
            Map<String, String> config = new LinkedHashMap<>();
            config.put("name", settings.name());
            config.put("cores", Integer.toString(settings.cores()));
            config.put("memory", Long.toString(settings.memoryMb()));
            config.put("tags", tags(settings).value());
            config.put("cicustom", cloudInit(settings.machineConfig()));
            String operation = "Configure VM " + vmId;
            ProxmoxAnswer answer = api.call(ProxmoxRequest.post(vm(vmId) + "/config", config));
            tasks.await(operation, answer.data(operation), deadline);
            LOG.info("VM {} configured as {} (pool {}, template {})", vmId, settings.name(), settings.pool(),
                    settings.template());
        }
    }

    @Override
    public void start(int vmId, Duration timeout) {
        Instant deadline = tasks.deadline(timeout);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_VM, Integer.toString(vmId))) {
            if (require(vmId, "Start").power() == VmPower.RUNNING) {
                return;
            }
            String operation = "Start VM " + vmId;
            ProxmoxAnswer answer = api.call(ProxmoxRequest.post(vm(vmId) + "/status/start", Map.of()));
            try {
                tasks.await(operation, answer.data(operation), deadline);
            } catch (InfraException e) {
                if (find(vmId).filter(vm -> vm.power() == VmPower.RUNNING).isEmpty()) {
                    throw e;
                }
            }
            LOG.info("VM {} started", vmId);
        }
    }

    @Override
    public void reboot(int vmId, Duration timeout) {
        if (require(vmId, "Reboot").power() == VmPower.STOPPED) {
            LOG.info("VM {} is stopped: starting it rather than rebooting it", vmId);
            start(vmId, timeout);
            return;
        }
        Instant deadline = tasks.deadline(timeout);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_VM, Integer.toString(vmId))) {
            String operation = "Reboot VM " + vmId;
            ProxmoxAnswer answer = api.call(ProxmoxRequest.post(vm(vmId) + "/status/reboot",
                    Map.of("timeout", seconds(timeout))));
            tasks.await(operation, answer.data(operation), deadline);
            LOG.info("VM {} rebooted", vmId);
        }
    }

    @Override
    public void shutdown(int vmId, Duration forceStopAfter) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_VM, Integer.toString(vmId))) {
            if (find(vmId).filter(vm -> vm.power() != VmPower.STOPPED).isEmpty()) {
                return;
            }
            String operation = "Shutdown of VM " + vmId;
            ProxmoxAnswer answer = api.call(ProxmoxRequest.post(vm(vmId) + "/status/shutdown",
                    Map.of("timeout", seconds(forceStopAfter), "forceStop", "1")));
            if (answer.noSuchVm()) {
                return;
            }
            try {
                tasks.await(operation, answer.data(operation), tasks.deadline(forceStopAfter.plus(stopTimeout)));
            } catch (InfraException e) {
                LOG.warn("{} did not complete ({}); stopping it hard", operation, e.getMessage());
            }
            if (find(vmId).filter(vm -> vm.power() != VmPower.STOPPED).isPresent()) {
                stopHard(vmId);
            }
            LOG.info("VM {} stopped", vmId);
        }
    }

    @Override
    public void delete(int vmId, Duration timeout) {
        Instant deadline = tasks.deadline(timeout);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_VM, Integer.toString(vmId))) {
            if (find(vmId).isEmpty()) {
                return;
            }
            String operation = "Delete VM " + vmId;
            ProxmoxAnswer answer = api.call(ProxmoxRequest.delete(vm(vmId),
                    Map.of("purge", "1", "destroy-unreferenced-disks", "1")));
            if (answer.noSuchVm()) {
                return;
            }
            tasks.await(operation, answer.data(operation), deadline);
            LOG.info("VM {} deleted", vmId);
        }
    }

    @Override
    public Optional<VmInfo> find(int vmId) {
        ProxmoxAnswer answer = api.call(ProxmoxRequest.get(vm(vmId) + "/status/current"));
        if (answer.noSuchVm()) {
            return Optional.empty();
        }
        return Optional.of(ProxmoxVms.vmInfo(answer.data("Status of VM " + vmId), vmId, node));
    }

    @Override
    public Optional<VmInfo> findByName(String name) {
        List<VmInfo> named = guests().filter(vm -> vm.name().equals(name))
                .sorted(Comparator.comparingInt(VmInfo::vmId)).toList();
        if (named.size() > 1) {
            LOG.warn("{} VMs are named {}: {}; using the lowest id", named.size(), name,
                    named.stream().map(VmInfo::vmId).toList());
        }
        return named.stream().findFirst();
    }

    @Override
    public List<VmInfo> managedVms() {
        return guests().filter(VmInfo::managed).sorted(Comparator.comparingInt(VmInfo::vmId)).toList();
    }

    private Optional<VmInfo> cloneOnce(String name, int templateVmId, boolean full, Instant deadline) {
        int id = nextId();
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_VM, Integer.toString(id))) {
            String operation = "Clone of template " + templateVmId + " as " + name;
            ProxmoxAnswer answer = api.call(ProxmoxRequest.post(vm(templateVmId) + "/clone",
                    Map.of("newid", Integer.toString(id), "name", name, "full", full ? "1" : "0")));
            if (answer.idTaken()) {
                LOG.info("{}: id {} was taken meanwhile; taking another", operation, id);
                return Optional.empty();
            }
            if (answer.noSuchVm()) {
                throw new InfraException.Permanent(operation + ": template VM " + templateVmId
                        + " does not exist on node " + node + " (" + answer.message() + ")");
            }
            tasks.await(operation, answer.data(operation), deadline);
            LOG.info("{}: VM {} cloned", operation, id);
            return Optional.of(find(id).orElseThrow(
                    () -> new InfraException.Retriable(operation + ": VM " + id + " vanished after its clone")));
        }
    }

    /** The VM once no task holds its lock, or empty when it vanished meanwhile (a failed clone). */
    private Optional<VmInfo> awaitUnlocked(VmInfo vm, Instant deadline) {
        if (!vm.locked()) {
            return Optional.of(vm);
        }
        LOG.info("VM {} ({}) is locked; waiting for its task", vm.vmId(), vm.name());
        return tasks.until(() -> {
            Optional<VmInfo> now = find(vm.vmId());
            return now.isEmpty() || !now.get().locked() ? Optional.of(now) : Optional.empty();
        }, deadline, "the lock on VM " + vm.vmId() + " to clear");
    }

    private void stopHard(int vmId) {
        String operation = "Stop of VM " + vmId;
        ProxmoxAnswer answer = api.call(ProxmoxRequest.post(vm(vmId) + "/status/stop", Map.of()));
        if (!answer.noSuchVm()) {
            tasks.await(operation, answer.data(operation), tasks.deadline(stopTimeout));
        }
    }

    private int nextId() {
        return (int) ProxmoxVms.numberValue(api.call(ProxmoxRequest.get("/cluster/nextid")).data("Next VM id"));
    }

    private VmInfo require(int vmId, String operation) {
        return find(vmId).orElseThrow(() -> new InfraException.Permanent(
                operation + ": VM " + vmId + " does not exist on node " + node));
    }

    private Stream<VmInfo> guests() {
        JsonNode list = api.call(ProxmoxRequest.get("/nodes/" + ProxmoxRequest.segment(node) + "/qemu"))
                .data("List of VMs");
        return StreamSupport.stream(list.values().spliterator(), false)
                .filter(vm -> !ProxmoxVms.isTemplate(vm))
                .map(vm -> ProxmoxVms.vmInfo(vm, node));
    }

    private String vm(int vmId) {
        return "/nodes/" + ProxmoxRequest.segment(node) + "/qemu/" + vmId;
    }

    private static VmTags tags(VmSettings settings) {
        try {
            return VmTags.managed(settings.pool(), settings.template());
        } catch (IllegalArgumentException e) {
            throw new InfraException.Permanent("Cannot tag VM " + settings.name() + ": " + e.getMessage(), e);
        }
    }

    /** The {@code cicustom} value for a machine config reference. */
    static String cloudInit(String machineConfig) {
        return machineConfig.contains("=") ? machineConfig : "user=" + machineConfig;
    }

    /** Whole seconds, rounded up, at least one (Proxmox timeouts are in seconds). */
    private static String seconds(Duration duration) {
        long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
        return Long.toString(Math.max(1, seconds));
    }
}
