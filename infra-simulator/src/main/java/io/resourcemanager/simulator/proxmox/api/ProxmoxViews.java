package io.resourcemanager.simulator.proxmox.api;

import io.resourcemanager.simulator.proxmox.Task;
import io.resourcemanager.simulator.proxmox.VmSnapshot;
import io.resourcemanager.simulator.template.WorkerTemplate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of Proxmox API answers about VMs and tasks. */
final class ProxmoxViews {

    private static final long MIB = 1024L * 1024L;
    private static final long GIB = 1024L * MIB;

    private ProxmoxViews() {
    }

    /** An entry of {@code GET /cluster/resources}. */
    static Map<String, Object> clusterResource(VmSnapshot vm) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", "qemu/" + vm.vmid());
        view.put("type", "qemu");
        view.put("node", vm.node());
        putCommon(view, vm);
        view.put("maxcpu", vm.config().cores());
        return view;
    }

    /** An entry of {@code GET /nodes/{node}/qemu}. */
    static Map<String, Object> nodeVm(VmSnapshot vm) {
        Map<String, Object> view = new LinkedHashMap<>();
        putCommon(view, vm);
        view.put("cpus", vm.config().cores());
        return view;
    }

    /** {@code GET /nodes/{node}/qemu/{vmid}/status/current}. */
    static Map<String, Object> currentStatus(VmSnapshot vm) {
        Map<String, Object> view = nodeVm(vm);
        view.put("qmpstatus", vm.status());
        view.put("ha", Map.of("managed", 0));
        return view;
    }

    /** {@code GET /nodes/{node}/qemu/{vmid}/config}: typed like Proxmox 8 (memory as a string). */
    static Map<String, Object> config(VmSnapshot vm) {
        Map<String, Object> view = new LinkedHashMap<>();
        vm.config().asMap().forEach((key, value) -> view.put(key, switch (key) {
            case "cores", "sockets", "onboot" -> Integer.parseInt(value);
            default -> value;
        }));
        if (vm.template()) {
            view.put("template", 1);
        }
        if (vm.lock() != null) {
            view.put("lock", vm.lock());
        }
        view.put("digest", vm.config().digest());
        return view;
    }

    /** {@code GET /nodes/{node}/tasks/{upid}/status}. */
    static Map<String, Object> taskStatus(Task task) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("upid", task.upid());
        view.put("node", task.node());
        view.put("pid", task.pid());
        view.put("pstart", task.pstart());
        view.put("starttime", task.startTime().getEpochSecond());
        view.put("type", task.type());
        view.put("id", Integer.toString(task.id()));
        view.put("user", task.user());
        view.put("status", task.exitStatus().isPresent() ? "stopped" : "running");
        task.exitStatus().ifPresent(exit -> view.put("exitstatus", exit));
        return view;
    }

    private static void putCommon(Map<String, Object> view, VmSnapshot vm) {
        view.put("vmid", vm.vmid());
        view.put("name", vm.name());
        view.put("status", vm.status());
        view.put("template", vm.template() ? 1 : 0);
        view.put("tags", String.join(";", vm.tags()));
        view.put("maxmem", vm.config().memoryMb() * MIB);
        view.put("maxdisk", WorkerTemplate.named(vm.templateName()).map(t -> t.diskGb() * GIB).orElse(0L));
        view.put("uptime", vm.uptimeSeconds());
        if (vm.lock() != null) {
            view.put("lock", vm.lock());
        }
    }
}
