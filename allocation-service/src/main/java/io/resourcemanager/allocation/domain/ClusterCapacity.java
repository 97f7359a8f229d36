package io.resourcemanager.allocation.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Capacity of a cluster: the Ready, schedulable, healthy nodes summed overall and per pool.
 * Nodes that do not count (NotReady, cordoned, unhealthy) contribute nothing.
 *
 * @param total the whole cluster
 * @param byPool per worker pool, sorted by pool name
 */
public record ClusterCapacity(CapacityTotals total, Map<String, CapacityTotals> byPool) {

    /** Sums the nodes that count. */
    public static ClusterCapacity of(Collection<NodeCapacity> nodes) {
        CapacityTotals total = CapacityTotals.NONE;
        Map<String, CapacityTotals> byPool = new TreeMap<>();
        for (NodeCapacity node : nodes) {
            if (!node.counts()) {
                continue;
            }
            total = total.plus(node);
            byPool.merge(node.pool(), CapacityTotals.NONE.plus(node), (sum, one) -> sum.plus(node));
        }
        return new ClusterCapacity(total, Collections.unmodifiableMap(byPool));
    }
}
