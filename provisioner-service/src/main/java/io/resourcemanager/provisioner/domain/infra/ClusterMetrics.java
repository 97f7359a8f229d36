package io.resourcemanager.provisioner.domain.infra;

import java.util.Map;

/** What the cluster uses and waits for: node utilisation (metrics API) and pending pods. */
public interface ClusterMetrics {

    /** CPU and memory in use per node name; nodes without metrics are absent. */
    Map<String, NodeUsage> nodeUsage();

    /**
     * Pods waiting to be scheduled, counted per target pool: the pool their {@code node-pool} node
     * selector names, or {@code ""} when they do not name one.
     */
    Map<String, Integer> pendingPodsByPool();

    /**
     * @param cpuMillis CPU in use, millicores
     * @param memoryMb memory in use, MiB
     */
    record NodeUsage(long cpuMillis, long memoryMb) {
    }
}
