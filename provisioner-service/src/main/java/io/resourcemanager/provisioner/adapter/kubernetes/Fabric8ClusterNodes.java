package io.resourcemanager.provisioner.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.resourcemanager.kubernetes.NodeFacts;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.WorkerLabels;
import io.resourcemanager.provisioner.domain.infra.ClusterNodes;
import io.resourcemanager.provisioner.domain.infra.DrainPolicy;
import io.resourcemanager.provisioner.domain.infra.DrainResult;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClusterNodes} over the Kubernetes API (fabric8). Node edits retry conflicts with the kubelets'
 * status writes ({@link NodeEdits}); drains evict through the eviction API ({@link NodeDrainer}).
 * Waiting and draining block the calling thread: call them from a worker thread.
 */
@Singleton
public final class Fabric8ClusterNodes implements ClusterNodes, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Fabric8ClusterNodes.class);

    private final KubernetesClient client;
    private final NodeEdits edits;
    private final Fabric8DrainTarget drainTarget;
    private final NodeDrainer drainer;

    @Inject
    Fabric8ClusterNodes(KubernetesClient client, Clock clock) {
        this(client, clock, Pacer.BLOCKING);
    }

    Fabric8ClusterNodes(KubernetesClient client, Clock clock, Pacer pacer) {
        this.client = client;
        this.edits = new NodeEdits(client, pacer);
        this.drainTarget = new Fabric8DrainTarget(client);
        this.drainer = new NodeDrainer(drainTarget, clock, pacer);
    }

    @Override
    public List<ObservedNode> workers() {
        try {
            return client.nodes().withLabel(NodeFacts.POOL_LABEL).list().getItems().stream()
                    .map(Fabric8ClusterNodes::observed)
                    .toList();
        } catch (KubernetesClientException e) {
            throw KubernetesFailures.classify("list worker nodes", e);
        }
    }

    @Override
    public Optional<ObservedNode> find(String name) {
        try {
            return Optional.ofNullable(client.nodes().withName(name).get()).map(Fabric8ClusterNodes::observed);
        } catch (KubernetesClientException e) {
            throw KubernetesFailures.classify("read node " + name, e);
        }
    }

    @Override
    public ObservedNode await(String name, boolean ready, Duration timeout) {
        Predicate<Node> condition = node -> node != null && (!ready || NodeFacts.ready(node));
        String what = ready ? "become Ready" : "register";
        try {
            Node node = client.nodes().withName(name)
                    .waitUntilCondition(condition, Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return observed(node);
        } catch (KubernetesClientTimeoutException e) {
            String state = find(name).map(node -> node.ready() ? "Ready" : "registered, not Ready")
                    .orElse("not registered");
            throw new InfraException.Retriable("Node " + name + " did not " + what + " within " + timeout
                    + " (" + state + ")", e);
        } catch (KubernetesClientException e) {
            throw KubernetesFailures.classify("wait for node " + name + " to " + what, e);
        }
    }

    @Override
    public void label(String name, Map<String, String> labels, List<String> taints) {
        taints.forEach(Taints::parse);
        edits.edit(name, "label node " + name, node -> new NodeBuilder(node)
                .editMetadata().addToLabels(labels).endMetadata()
                .editOrNewSpec().withTaints(Taints.replace(node.getSpec() == null ? null : node.getSpec().getTaints(),
                        taints)).endSpec()
                .build());
        LOG.info("Node {} labelled {} and tainted {}", name, labels, taints);
    }

    @Override
    public void relabel(String name, Map<String, String> labels) {
        edits.edit(name, "relabel node " + name, node -> new NodeBuilder(node)
                .editMetadata().addToLabels(labels).endMetadata()
                .build());
        LOG.info("Node {} relabelled {}", name, labels);
    }

    @Override
    public void cordon(String name, boolean unschedulable) {
        edits.edit(name, (unschedulable ? "cordon" : "uncordon") + " node " + name, node -> new NodeBuilder(node)
                .editOrNewSpec().withUnschedulable(unschedulable ? Boolean.TRUE : null).endSpec()
                .build());
        LOG.info("Node {} {}", name, unschedulable ? "cordoned" : "uncordoned");
    }

    @Override
    public DrainResult drain(String name, DrainPolicy policy) {
        return drainer.drain(name, policy);
    }

    @Override
    public void delete(String name) {
        try {
            boolean deleted = !client.nodes().withName(name).delete().isEmpty();
            LOG.info(deleted ? "Node {} deleted" : "Node {} was already gone", name);
        } catch (KubernetesClientException e) {
            throw KubernetesFailures.classify("delete node " + name, e);
        }
    }

    @Override
    @PreDestroy
    public void close() {
        drainTarget.close();
    }

    /** The node as the domain sees it; a node outside the worker pools has pool {@code ""}. */
    static ObservedNode observed(Node node) {
        return new ObservedNode(
                NodeFacts.name(node),
                NodeFacts.pool(node).orElse(""),
                NodeFacts.labels(node).get(WorkerLabels.TEMPLATE),
                NodeFacts.allocatableCpuMillis(node),
                NodeFacts.allocatableMemoryMb(node),
                NodeFacts.allocatableGpu(node),
                NodeFacts.allocatablePods(node),
                NodeFacts.ready(node),
                NodeFacts.schedulable(node),
                NodeFacts.labels(node));
    }
}
