package io.resourcemanager.allocation.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.resourcemanager.allocation.domain.CapacityTotals;
import io.resourcemanager.allocation.domain.ClusterCapacity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON view of cluster capacity: CPU in cores, memory in MB.
 *
 * @param totalCpu allocatable CPU cores
 * @param totalMemory allocatable memory in MB
 * @param totalGpu allocatable GPUs
 * @param nodes number of nodes that count as capacity
 * @param pools the same per worker pool
 */
@Serdeable(naming = SnakeCaseStrategy.class)
record CapacityView(double totalCpu, long totalMemory, int totalGpu, int nodes, Map<String, PoolView> pools) {

    static CapacityView of(ClusterCapacity capacity) {
        Map<String, PoolView> pools = new LinkedHashMap<>();
        capacity.byPool().forEach((pool, totals) -> pools.put(pool, PoolView.of(totals)));
        CapacityTotals total = capacity.total();
        return new CapacityView(cores(total.cpuMillis()), total.memoryMb(), total.gpu(), total.nodes(), pools);
    }

    private static double cores(long millis) {
        return millis / 1000.0;
    }

    /** Capacity of one pool. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record PoolView(double cpu, long memory, int gpu, int nodes) {
        static PoolView of(CapacityTotals totals) {
            return new PoolView(cores(totals.cpuMillis()), totals.memoryMb(), totals.gpu(), totals.nodes());
        }
    }
}
