package io.resourcemanager.simulator.proxmox.api;

import io.resourcemanager.simulator.http.ApiRequest;
import io.resourcemanager.simulator.http.Router;
import io.resourcemanager.simulator.proxmox.ProxmoxBackend;
import io.resourcemanager.simulator.proxmox.ProxmoxException;
import io.resourcemanager.simulator.proxmox.VmInventory;
import io.resourcemanager.simulator.proxmox.VmSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /version}, {@code /cluster/nextid}, {@code /cluster/resources}, {@code /nodes} and task status. */
final class ClusterEndpoints {

    private static final Map<String, String> VERSION = Map.of("version", "8.2.4", "release", "8.2", "repoid", "faa83925");

    private final ProxmoxBackend backend;

    ClusterEndpoints(ProxmoxBackend backend) {
        this.backend = backend;
    }

    void register(Router router) {
        router.add("GET", "/version", request -> VERSION)
                .add("GET", "/cluster/nextid", this::nextId)
                .add("GET", "/cluster/resources", this::resources)
                .add("GET", "/nodes", request -> List.of(nodeResource()))
                .add("GET", "/nodes/{node}/tasks/{upid}/status", this::taskStatus);
    }

    /** What a token without privileges may call: version and next id; listings are filtered to nothing. */
    void registerUnprivileged(Router router) {
        router.add("GET", "/version", request -> VERSION)
                .add("GET", "/cluster/nextid", this::nextId)
                .add("GET", "/cluster/resources", request -> List.of())
                .add("GET", "/nodes", request -> List.of());
    }

    /** Proxmox returns the id as a string; with {@code vmid}, it checks that id instead. */
    private Object nextId(ApiRequest request) throws ProxmoxException {
        VmInventory inventory = backend.inventory();
        Optional<Long> wanted = ProxmoxParams.of(request, Set.of("vmid"))
                .integer("vmid", ProxmoxParams.MIN_VMID, ProxmoxParams.MAX_VMID);
        if (wanted.isPresent()) {
            inventory.requireFree(wanted.get().intValue());
            return wanted.get().toString();
        }
        return Integer.toString(inventory.nextFreeId());
    }

    private Object resources(ApiRequest request) throws ProxmoxException {
        String type = ProxmoxParams.of(request, Set.of("type")).text("type").orElse("");
        List<Object> resources = new ArrayList<>();
        if (type.isEmpty() || type.equals("node")) {
            resources.add(nodeResource());
        }
        if (type.isEmpty() || type.equals("vm")) {
            for (VmSnapshot vm : backend.inventory().snapshots()) {
                resources.add(ProxmoxViews.clusterResource(vm));
            }
        }
        return resources;
    }

    private Map<String, Object> nodeResource() {
        String node = backend.inventory().node();
        return Map.of("id", "node/" + node, "type", "node", "node", node, "status", "online");
    }

    private Object taskStatus(ApiRequest request) throws ProxmoxException {
        ProxmoxParams.of(request, Set.of());
        return ProxmoxViews.taskStatus(backend.tasks().require(request.pathParam("node"), request.pathParam("upid")));
    }
}
