package io.resourcemanager.allocation.domain;

import java.util.Objects;

/**
 * One worker slot of an allocation, placed on a node.
 *
 * @param workerId {@code worker-<job_id>-<NNN>}
 * @param node node that hosts the slot
 * @param pool pool of that node
 * @param resources what the slot takes from the node
 */
public record WorkerPlacement(String workerId, String node, String pool, Resources resources) {

    public WorkerPlacement {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(resources, "resources");
    }

    /** The id of slot {@code index} (0-based) of job {@code jobId}. */
    public static String workerId(String jobId, int index) {
        return String.format("worker-%s-%03d", jobId, index);
    }

    /** The same slot on another node. */
    public WorkerPlacement movedTo(String otherNode, String otherPool) {
        return new WorkerPlacement(workerId, otherNode, otherPool, resources);
    }
}
