package io.resourcemanager.allocation.domain;

/**
 * Summed capacity of a set of nodes.
 *
 * @param cpuMillis CPU in millicores
 * @param memoryMb memory in MiB
 * @param gpu GPUs
 * @param nodes number of nodes that count
 */
public record CapacityTotals(long cpuMillis, long memoryMb, int gpu, int nodes) {

    /** No capacity at all. */
    public static final CapacityTotals NONE = new CapacityTotals(0, 0, 0, 0);

    /** These totals plus one node's allocatable resources. */
    public CapacityTotals plus(NodeCapacity node) {
        return new CapacityTotals(cpuMillis + node.cpuMillis(), memoryMb + node.memoryMb(), gpu + node.gpu(), nodes + 1);
    }
}
