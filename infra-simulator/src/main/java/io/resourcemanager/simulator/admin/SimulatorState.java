package io.resourcemanager.simulator.admin;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.resourcemanager.simulator.faults.Faults;
import io.resourcemanager.simulator.http.RequestCounter;
import io.resourcemanager.simulator.proxmox.VmInventory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A summary of the simulated world: Proxmox VMs and API requests served, Kubernetes nodes, injected faults. */
final class SimulatorState {

    private final VmInventory inventory;
    private final KubernetesClient client;
    private final Faults faults;
    private final RequestCounter proxmoxRequests;

    SimulatorState(VmInventory inventory, KubernetesClient client, Faults faults, RequestCounter proxmoxRequests) {
        this.inventory = inventory;
        this.client = client;
        this.faults = faults;
        this.proxmoxRequests = proxmoxRequests;
    }

    Map<String, Object> summary() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("proxmox", Map.of("node", inventory.node(), "requests", proxmoxRequests.count(),
                "vms", inventory.snapshots()));
        state.put("kubernetes", Map.of("nodes", client.nodes().list().getItems().stream().map(this::node).toList()));
        state.put("faults", faults.current());
        return state;
    }

    private Map<String, Object> node(Node node) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", node.getMetadata().getName());
        summary.put("ready", readyStatus(node.getStatus() == null ? List.of() : node.getStatus().getConditions()));
        NodeSpec spec = node.getSpec() == null ? new NodeSpec() : node.getSpec();
        summary.put("unschedulable", Boolean.TRUE.equals(spec.getUnschedulable()));
        summary.put("labels", node.getMetadata().getLabels());
        summary.put("taints", spec.getTaints().stream()
                .map(taint -> taint.getKey() + (taint.getValue() == null ? "" : "=" + taint.getValue())
                        + ":" + taint.getEffect())
                .toList());
        summary.put("allocatable", node.getStatus() == null ? Map.of() : node.getStatus().getAllocatable());
        return summary;
    }

    private static String readyStatus(List<NodeCondition> conditions) {
        return conditions.stream().filter(c -> "Ready".equals(c.getType())).map(NodeCondition::getStatus)
                .findFirst().orElse("Unknown");
    }
}
