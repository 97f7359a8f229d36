package io.resourcemanager.simulator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.resourcemanager.simulator.kubelet.SimulatedKubelets;
import io.resourcemanager.simulator.kubernetes.McpServers;
import io.resourcemanager.simulator.kubernetes.SystemNamespaces;
import io.resourcemanager.simulator.proxmox.ProxmoxBackend;
import io.resourcemanager.simulator.proxmox.VmSnapshot;
import io.resourcemanager.simulator.template.WorkerTemplate;
import java.util.List;
import java.util.Map;

/**
 * The world as the simulator starts it: the system namespaces, the four template VMs, a permanent pool
 * that was provisioned earlier (running VMs {@code worker-permanent-001}… from id 100 with Ready,
 * labelled Nodes), and the MCP server Deployments and Services.
 */
final class InitialCluster {

    static final Map<String, String> PERMANENT_POOL_LABELS = Map.of("node-pool", "permanent", "worker-type", "permanent");

    private InitialCluster() {
    }

    static void create(SimulatorConfig config, ProxmoxBackend proxmox, SimulatedKubelets kubelets,
            KubernetesClient client) {
        SystemNamespaces.create(client);
        WorkerTemplate.CATALOG.forEach(proxmox::addTemplate);
        WorkerTemplate template = WorkerTemplate.named(config.initialNodeTemplate()).orElseThrow();
        List<String> tags = List.of("resource-manager", "pool-permanent", "template-" + template.name());
        for (int i = 1; i <= config.initialPermanentNodes(); i++) {
            VmSnapshot vm = proxmox.addRunningWorker(String.format("worker-permanent-%03d", i), tags, template);
            kubelets.register(vm, PERMANENT_POOL_LABELS);
        }
        McpServers.deploy(client);
    }
}
