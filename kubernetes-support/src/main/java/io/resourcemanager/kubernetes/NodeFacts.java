package io.resourcemanager.kubernetes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plain facts read off a Kubernetes Node object. */
public final class NodeFacts {

    /** Label naming the worker pool of a node. */
    public static final String POOL_LABEL = "node-pool";
    /** Extended resource name of NVIDIA GPUs. */
    public static final String GPU_RESOURCE = "nvidia.com/gpu";

    private static final BigDecimal MEBIBYTE = BigDecimal.valueOf(1024L * 1024L);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private NodeFacts() {
    }

    /** The node's name. */
    public static String name(Node node) {
        return node.getMetadata().getName();
    }

    /** The node's labels (never null). */
    public static Map<String, String> labels(Node node) {
        Map<String, String> labels = node.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    /** The worker pool named by the node's {@value #POOL_LABEL} label, if any. */
    public static Optional<String> pool(Node node) {
        return Optional.ofNullable(labels(node).get(POOL_LABEL));
    }

    /** Allocatable CPU in millicores. */
    public static long allocatableCpuMillis(Node node) {
        return allocatable(node, "cpu").map(q -> Quantity.getAmountInBytes(q).multiply(THOUSAND).longValue()).orElse(0L);
    }

    /** Allocatable memory in MiB. */
    public static long allocatableMemoryMb(Node node) {
        return allocatable(node, "memory").map(q -> Quantity.getAmountInBytes(q).divide(MEBIBYTE).longValue()).orElse(0L);
    }

    /** Allocatable GPUs. */
    public static int allocatableGpu(Node node) {
        return allocatable(node, GPU_RESOURCE).map(q -> Quantity.getAmountInBytes(q).intValue()).orElse(0);
    }

    /** Allocatable pod slots. */
    public static int allocatablePods(Node node) {
        return allocatable(node, "pods").map(q -> Quantity.getAmountInBytes(q).intValue()).orElse(0);
    }

    /** Whether the node's Ready condition is True. */
    public static boolean ready(Node node) {
        return "True".equals(conditionStatus(node, "Ready").orElse("Unknown"));
    }

    /** Whether the node accepts new pods (it is not cordoned). */
    public static boolean schedulable(Node node) {
        return node.getSpec() == null || !Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    }

    /** The node's conditions (never null). */
    public static List<NodeCondition> conditions(Node node) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return List.of();
        }
        return node.getStatus().getConditions();
    }

    /** The status (True, False, Unknown) of the condition of that type, if reported. */
    public static Optional<String> conditionStatus(Node node, String type) {
        return conditions(node).stream().filter(c -> type.equals(c.getType())).map(NodeCondition::getStatus).findFirst();
    }

    private static Optional<Quantity> allocatable(Node node, String resource) {
        if (node.getStatus() == null || node.getStatus().getAllocatable() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(node.getStatus().getAllocatable().get(resource));
    }
}
