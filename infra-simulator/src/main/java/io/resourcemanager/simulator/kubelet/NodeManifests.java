package io.resourcemanager.simulator.kubelet;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.resourcemanager.simulator.proxmox.VmSnapshot;
import io.resourcemanager.simulator.template.WorkerTemplate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The Node object a Talos kubelet registers for a VM: capacity from its hardware, allocatable from its template. */
final class NodeManifests {

    static final String GPU_RESOURCE = "nvidia.com/gpu";

    private NodeManifests() {
    }

    /** The node name for a VM: its name, lower-cased like a hostname. */
    static String nodeName(VmSnapshot vm) {
        return vm.name().toLowerCase(Locale.ROOT);
    }

    /** The Node a kubelet registers for {@code vm}, with {@code extraLabels} on top of the kubelet's own. */
    static Node node(VmSnapshot vm, WorkerTemplate template, Map<String, String> extraLabels, Instant now) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("kubernetes.io/hostname", nodeName(vm));
        labels.put("kubernetes.io/os", "linux");
        labels.put("kubernetes.io/arch", "amd64");
        labels.putAll(extraLabels);
        return new NodeBuilder()
                .withNewMetadata().withName(nodeName(vm)).withLabels(labels).endMetadata()
                .withNewSpec().endSpec()
                .withStatus(status(vm, template, now))
                .build();
    }

    /** The status a kubelet posts when it starts. */
    static NodeStatus status(VmSnapshot vm, WorkerTemplate template, Instant now) {
        Map<String, Quantity> capacity = resources(Integer.toString(vm.config().cores()), vm.config().memoryMb() + "Mi",
                template.diskGb() + "Gi", template.maxPods(), template.gpus());
        Map<String, Quantity> allocatable = resources(template.allocatableCpuMillis() + "m",
                template.allocatableMemoryMi() + "Mi", (template.diskGb() * 9 / 10) + "Gi", template.maxPods(),
                template.gpus());
        return new NodeStatusBuilder()
                .withCapacity(capacity)
                .withAllocatable(allocatable)
                .withConditions(NodeConditions.healthy(now))
                .addNewAddress().withType("InternalIP").withAddress(internalIp(vm.vmid())).endAddress()
                .addNewAddress().withType("Hostname").withAddress(nodeName(vm)).endAddress()
                .withNewNodeInfo()
                .withArchitecture("amd64").withOperatingSystem("linux")
                .withOsImage("Talos (v1.8.3)").withKernelVersion("6.6.60-talos")
                .withKubeletVersion("v1.31.4").withKubeProxyVersion("v1.31.4")
                .withContainerRuntimeVersion("containerd://2.0.0")
                .withMachineID(String.format("%032x", vm.vmid())).withSystemUUID(String.format("%032x", vm.vmid()))
                .withBootID(String.format("%032x", now.toEpochMilli()))
                .endNodeInfo()
                .build();
    }

    private static Map<String, Quantity> resources(String cpu, String memory, String storage, int pods, int gpus) {
        Map<String, Quantity> resources = new LinkedHashMap<>();
        resources.put("cpu", new Quantity(cpu));
        resources.put("memory", new Quantity(memory));
        resources.put("ephemeral-storage", new Quantity(storage));
        resources.put("pods", new Quantity(Integer.toString(pods)));
        if (gpus > 0) {
            resources.put(GPU_RESOURCE, new Quantity(Integer.toString(gpus)));
        }
        return resources;
    }

    private static String internalIp(int vmid) {
        return "10.10." + (vmid / 250) % 250 + "." + (vmid % 250 + 1);
    }
}
