package io.resourcemanager.provisioner.domain.autoscale;

import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.infra.ClusterMetrics.NodeUsage;
import java.util.Collection;
import java.util.Map;

/**
 * A pool's utilisation: usage summed over its workers that report usage, divided by what those
 * workers offer. Workers without metrics (just joined, metrics server lagging) are left out of both
 * sums rather than counted as idle.
 *
 * @param cpu share of allocatable CPU in use (0–1)
 * @param memory share of allocatable memory in use (0–1)
 * @param measuredWorkers how many workers reported usage; zero means utilisation is unknown
 */
public record PoolUsage(double cpu, double memory, int measuredWorkers) {

    /** The utilisation of {@code workers} given each node's {@code usage}. */
    public static PoolUsage of(Collection<ObservedNode> workers, Map<String, NodeUsage> usage) {
        long usedCpu = 0;
        long usedMemory = 0;
        long offeredCpu = 0;
        long offeredMemory = 0;
        int measured = 0;
        for (ObservedNode worker : workers) {
            NodeUsage used = usage.get(worker.name());
            if (used == null || worker.cpuMillis() <= 0 || worker.memoryMb() <= 0) {
                continue;
            }
            usedCpu += used.cpuMillis();
            usedMemory += used.memoryMb();
            offeredCpu += worker.cpuMillis();
            offeredMemory += worker.memoryMb();
            measured++;
        }
        if (measured == 0) {
            return new PoolUsage(0, 0, 0);
        }
        return new PoolUsage((double) usedCpu / offeredCpu, (double) usedMemory / offeredMemory, measured);
    }

    /**
     * One worker's CPU utilisation, or 1 when it reports none: a worker whose load is unknown is the
     * last candidate for removal.
     */
    public static double cpuOf(ObservedNode worker, Map<String, NodeUsage> usage) {
        NodeUsage used = usage.get(worker.name());
        if (used == null || worker.cpuMillis() <= 0) {
            return 1.0;
        }
        return Math.min(1.0, (double) used.cpuMillis() / worker.cpuMillis());
    }

    /** Whether no worker reported usage. */
    public boolean unknown() {
        return measuredWorkers == 0;
    }
}
