package io.resourcemanager.provisioner.adapter;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.resourcemanager.kubernetes.NodeFacts;
import io.resourcemanager.provisioner.domain.infra.ClusterNodes;
import io.resourcemanager.provisioner.domain.infra.DrainPolicy;
import io.resourcemanager.provisioner.domain.infra.DrainResult;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import io.resourcemanager.provisioner.domain.ObservedNode;
import jakarta.inject.Singleton;
import java.util.List;

/** {@link ClusterNodes} over the Kubernetes API (fabric8). */
@Singleton
final class Fabric8ClusterNodes implements ClusterNodes {

    /** Label naming the template a worker was built from. */
    static final String TEMPLATE_LABEL = "resource-manager/template";

    private final KubernetesClient client;

    Fabric8ClusterNodes(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public List<ObservedNode> workers() {
        try {
            return client.nodes().withLabel(NodeFacts.POOL_LABEL).list().getItems().stream()
                    .map(Fabric8ClusterNodes::observed)
                    .toList();
        } catch (KubernetesClientException e) {
            throw new InfraException.Retriable("Could not list nodes: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ObservedNode> find(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public ObservedNode await(String name, boolean ready, Duration timeout) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void label(String name, Map<String, String> labels, List<String> taints) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void cordon(String name, boolean unschedulable) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public DrainResult drain(String name, DrainPolicy policy) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void delete(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    static ObservedNode observed(Node node) {
        return new ObservedNode(
                NodeFacts.name(node),
                NodeFacts.pool(node).orElseThrow(),
                NodeFacts.labels(node).get(TEMPLATE_LABEL),
                NodeFacts.allocatableCpuMillis(node),
                NodeFacts.allocatableMemoryMb(node),
                NodeFacts.allocatableGpu(node),
                NodeFacts.allocatablePods(node),
                NodeFacts.ready(node),
                NodeFacts.schedulable(node),
                NodeFacts.labels(node));
    }
}
