package io.resourcemanager.simulator.kubelet;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The Node writes of kubelets and of the node lifecycle controller, through a real API client. */
final class NodeApi {

    static final String UNREACHABLE_TAINT = "node.kubernetes.io/unreachable";

    private final KubernetesClient client;

    NodeApi(KubernetesClient client) {
        this.client = client;
    }

    /** Creates the node, or brings an existing one back: labels merged, unreachable taints removed, status replaced. */
    void register(Node node) {
        Resource<Node> resource = client.nodes().withName(node.getMetadata().getName());
        if (resource.get() == null) {
            client.nodes().resource(node).create();
        } else {
            resource.edit(existing -> new NodeBuilder(existing)
                    .editMetadata().addToLabels(node.getMetadata().getLabels()).endMetadata()
                    .editOrNewSpec().withTaints(reachableTaints(existing)).endSpec()
                    .build());
        }
        resource.editStatus(existing -> new NodeBuilder(existing).withStatus(node.getStatus()).build());
    }

    /**
     * Brings an existing node back as its kubelet does when it resumes posting: status replaced (Ready),
     * unreachable taints removed; false when the node no longer exists (a kubelet does not re-create it).
     */
    boolean resume(Node node) {
        if (client.nodes().withName(node.getMetadata().getName()).get() == null) {
            return false;
        }
        register(node);
        return true;
    }

    /** Moves the heartbeat of the node's conditions to {@code now}; false when the node no longer exists. */
    boolean heartbeat(String name, Instant now) {
        return editConditions(name, conditions -> NodeConditions.heartbeat(conditions, now));
    }

    /** Turns the node's kubelet conditions Unknown and taints it unreachable, as the node lifecycle controller does. */
    void markUnreachable(String name, Instant now) {
        if (editConditions(name, conditions -> NodeConditions.unknown(conditions, now))) {
            client.nodes().withName(name).edit(node -> new NodeBuilder(node)
                    .editOrNewSpec().withTaints(unreachableTaints(node, now)).endSpec().build());
        }
    }

    private boolean editConditions(String name, UnaryOperator<List<NodeCondition>> change) {
        try {
            client.nodes().withName(name).editStatus(node -> new NodeBuilder(node)
                    .editStatus().withConditions(change.apply(node.getStatus().getConditions())).endStatus()
                    .build());
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private static List<Taint> reachableTaints(Node node) {
        List<Taint> taints = node.getSpec() == null ? new ArrayList<>() : new ArrayList<>(node.getSpec().getTaints());
        taints.removeIf(taint -> UNREACHABLE_TAINT.equals(taint.getKey()));
        return taints;
    }

    private static List<Taint> unreachableTaints(Node node, Instant now) {
        List<Taint> taints = reachableTaints(node);
        taints.add(new TaintBuilder().withKey(UNREACHABLE_TAINT).withEffect("NoSchedule").build());
        taints.add(new TaintBuilder().withKey(UNREACHABLE_TAINT).withEffect("NoExecute")
                .withTimeAdded(NodeConditions.timestamp(now)).build());
        return taints;
    }
}
