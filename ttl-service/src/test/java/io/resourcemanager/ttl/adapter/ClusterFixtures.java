package io.resourcemanager.ttl.adapter;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/** Workers and pods the adapter tests put into a simulated cluster. */
final class ClusterFixtures {

    private ClusterFixtures() {
    }

    /** A Ready temporary worker (labelled {@code ttl}) with 4 allocatable CPUs. */
    static NodeBuilder aTemporaryWorker(String name) {
        return aWorker(name).editMetadata().addToLabels(Fabric8WorkerActivity.TTL_LABEL, "1900000000").endMetadata();
    }

    /** A Ready worker without TTL with 4 allocatable CPUs. */
    static NodeBuilder aWorker(String name) {
        return new NodeBuilder().withNewMetadata().withName(name).addToLabels("node-pool", "burst").endMetadata()
                .withNewStatus()
                .withAllocatable(Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi"),
                        "pods", new Quantity("110")))
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus();
    }

    /** {@code node} whose kubelet reports it not Ready (metrics-server has no usage for it). */
    static NodeBuilder notReady(NodeBuilder node) {
        return node.editStatus().withConditions().addNewCondition().withType("Ready").withStatus("False")
                .endCondition().endStatus();
    }

    /** Stores {@code node}; its status is written through the status subresource, as a kubelet would. */
    static void register(KubernetesClient client, NodeBuilder builder) {
        Node node = builder.build();
        client.nodes().resource(node).create();
        client.nodes().withName(node.getMetadata().getName())
                .editStatus(current -> new NodeBuilder(current).withStatus(node.getStatus()).build());
    }

    /** A running pod in {@code namespace} bound to {@code node}, requesting nothing. */
    static PodBuilder aPod(String name, String namespace, String node) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("main").withImage("busybox")
                .endContainer().endSpec()
                .withNewStatus().withPhase("Running").endStatus();
    }

    /** {@code pod} in {@code phase} (Pending, Succeeded, Failed...). */
    static PodBuilder inPhase(PodBuilder pod, String phase) {
        return pod.editStatus().withPhase(phase).endStatus();
    }

    /** {@code pod}'s container requests {@code cpu}. */
    static PodBuilder requesting(PodBuilder pod, String cpu) {
        return pod.editSpec().editFirstContainer().withNewResources()
                .withRequests(Map.of("cpu", new Quantity(cpu))).endResources().endContainer().endSpec();
    }

    /** {@code pod} run by a DaemonSet. */
    static PodBuilder ofDaemonSet(PodBuilder pod) {
        return pod.editMetadata().addNewOwnerReference().withApiVersion("apps/v1").withKind("DaemonSet")
                .withName("node-exporter").withUid("uid-node-exporter").withController(true).endOwnerReference()
                .endMetadata();
    }

    /** Stores {@code pod}; its status is written through the status subresource, as a kubelet would. */
    static void create(KubernetesClient client, PodBuilder builder) {
        Pod pod = builder.build();
        String namespace = pod.getMetadata().getNamespace();
        client.pods().inNamespace(namespace).resource(pod).create();
        client.pods().inNamespace(namespace).withName(pod.getMetadata().getName())
                .editStatus(current -> new PodBuilder(current).withStatus(pod.getStatus()).build());
    }
}
