package io.resourcemanager.simulator.proxmox.api;

import io.resourcemanager.simulator.http.ApiRequest;
import io.resourcemanager.simulator.http.Router;
import io.resourcemanager.simulator.proxmox.CloneRequest;
import io.resourcemanager.simulator.proxmox.ConfigChange;
import io.resourcemanager.simulator.proxmox.ProxmoxBackend;
import io.resourcemanager.simulator.proxmox.ProxmoxException;
import io.resourcemanager.simulator.proxmox.VmSnapshot;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /nodes/{node}/qemu/...}: list, clone, config, power and delete. */
final class QemuEndpoints {

    private static final String VM = "/nodes/{node}/qemu/{vmid}";
    private static final Set<String> CLONE_PARAMS = Set.of("newid", "name", "description", "full", "target",
            "pool", "storage", "format", "snapname", "bwlimit");
    private static final Set<String> CONFIG_CONTROL_PARAMS = Set.of("delete", "digest", "skiplock");

    private final ProxmoxBackend backend;

    QemuEndpoints(ProxmoxBackend backend) {
        this.backend = backend;
    }

    void register(Router router) {
        router.add("GET", "/nodes/{node}/qemu", this::list)
                .add("POST", VM + "/clone", this::cloneVm)
                .add("GET", VM + "/config", request -> ProxmoxViews.config(snapshot(request)))
                .add("POST", VM + "/config", request -> backend.configs()
                        .updateAsync(node(request), ProxmoxParams.vmid(request), configChange(request)))
                .add("PUT", VM + "/config", this::putConfig)
                .add("GET", VM + "/status/current", request -> ProxmoxViews.currentStatus(snapshot(request)))
                .add("POST", VM + "/status/start", request -> backend.power()
                        .start(node(request), ProxmoxParams.vmid(request)))
                .add("POST", VM + "/status/shutdown", this::shutdown)
                .add("POST", VM + "/status/stop", request -> backend.power()
                        .stop(node(request), ProxmoxParams.vmid(request)))
                .add("POST", VM + "/status/reboot", this::reboot)
                .add("DELETE", VM, request -> backend.destroyer()
                        .destroy(node(request), ProxmoxParams.vmid(request)));
    }

    /** What a token without privileges may call: the VM list, filtered to nothing. */
    void registerUnprivileged(Router router) {
        router.add("GET", "/nodes/{node}/qemu", request -> {
            backend.inventory().requireNode(node(request));
            return List.of();
        });
    }

    private Object list(ApiRequest request) throws ProxmoxException {
        backend.inventory().requireNode(node(request));
        return backend.inventory().snapshots().stream()
                .filter(vm -> vm.node().equals(node(request)))
                .map(ProxmoxViews::nodeVm)
                .toList();
    }

    private Object cloneVm(ApiRequest request) throws ProxmoxException {
        ProxmoxParams params = ProxmoxParams.of(request, CLONE_PARAMS);
        CloneRequest clone = new CloneRequest(
                (int) params.requiredInteger("newid", ProxmoxParams.MIN_VMID, ProxmoxParams.MAX_VMID),
                params.text("name"), params.text("description"), params.text("target"), params.bool("full", true));
        return backend.cloner().clone(node(request), ProxmoxParams.vmid(request), clone);
    }

    /** Proxmox answers a synchronous config update with {@code data: null}. */
    private Object putConfig(ApiRequest request) throws ProxmoxException {
        backend.configs().update(node(request), ProxmoxParams.vmid(request), configChange(request));
        return null;
    }

    private Object shutdown(ApiRequest request) throws ProxmoxException {
        ProxmoxParams params = ProxmoxParams.of(request, Set.of("timeout", "forceStop", "keepActive", "skiplock"));
        return backend.power().shutdown(node(request), ProxmoxParams.vmid(request),
                params.integer("timeout", 0, Integer.MAX_VALUE).map(Duration::ofSeconds),
                params.bool("forceStop", false));
    }

    private Object reboot(ApiRequest request) throws ProxmoxException {
        ProxmoxParams params = ProxmoxParams.of(request, Set.of("timeout"));
        return backend.power().reboot(node(request), ProxmoxParams.vmid(request),
                params.integer("timeout", 0, Integer.MAX_VALUE).map(Duration::ofSeconds));
    }

    /** Config keys are validated by the config schema; here they are only split from the control keys. */
    private static ConfigChange configChange(ApiRequest request) throws ProxmoxException {
        ProxmoxParams params = ProxmoxParams.checkedDownstream(request);
        Set<String> deletions = params.text("delete").stream()
                .flatMap(keys -> Arrays.stream(keys.split("[,;\\s]+")))
                .filter(key -> !key.isEmpty())
                .collect(Collectors.toSet());
        return new ConfigChange(params.without(CONFIG_CONTROL_PARAMS), deletions, params.text("digest"));
    }

    private VmSnapshot snapshot(ApiRequest request) throws ProxmoxException {
        return backend.inventory().snapshot(node(request), ProxmoxParams.vmid(request));
    }

    private static String node(ApiRequest request) {
        return request.pathParam("node");
    }
}
