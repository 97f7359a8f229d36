package io.resourcemanager.provisioner.domain.infra;

import io.resourcemanager.provisioner.domain.ObservedNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nodes of the Kubernetes cluster. Failures are {@link InfraException.Retriable} (API server
 * unreachable, 5xx, 429, conflicting edits already retried) or {@link InfraException.Permanent}
 * (forbidden, invalid). Every change is idempotent.
 */
public interface ClusterNodes {

    /**
     * Every node that belongs to a worker pool (nodes without a pool, such as the control plane,
     * are not listed).
     */
    List<ObservedNode> workers();

    /** The node with this name, with or without a pool label. */
    Optional<ObservedNode> find(String name);

    /**
     * Waits until the node {@code name} is registered (when {@code ready} is false) or registered and
     * Ready (when true).
     *
     * @return the node as last seen
     * @throws InfraException.Retriable when {@code timeout} passes first
     */
    ObservedNode await(String name, boolean ready, Duration timeout);

    /**
     * Puts {@code labels} on the node and makes its taints exactly {@code taints} ({@code key=value:Effect});
     * other labels stay.
     */
    void label(String name, Map<String, String> labels, List<String> taints);

    /**
     * Puts {@code labels} on the node (replacing values of the same keys); other labels and the taints stay.
     * An absent node is a {@link InfraException.Permanent} failure.
     */
    void relabel(String name, Map<String, String> labels);

    /** Marks the node unschedulable (or schedulable again). */
    void cordon(String name, boolean unschedulable);

    /**
     * Evicts the node's pods through the eviction API, honouring PodDisruptionBudgets: pods of
     * DaemonSets and mirror pods stay; a 429 from a budget means wait and try again, never force.
     */
    DrainResult drain(String name, DrainPolicy policy);

    /** Deletes the Node object; an absent node is left as it is. */
    void delete(String name);
}
