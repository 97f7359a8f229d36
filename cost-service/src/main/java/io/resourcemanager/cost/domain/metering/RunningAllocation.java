package io.resourcemanager.cost.domain.metering;

import io.resourcemanager.cost.domain.Dimension;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An allocation that costs its resources at internal rates while it is held.
 *
 * @param dimensions what its cost is attributed to (division, project, job, organisation)
 * @param cpuMillisByNode CPU it holds on each node, for the nodes' idle share
 * @param startedAt when it was granted
 * @param chargedUntil how far its cost has been charged
 */
public record RunningAllocation(String id, List<Dimension> dimensions, double cores, double memoryGb, int gpus,
                                Map<String, Long> cpuMillisByNode, Instant startedAt,
                                Instant chargedUntil) {

    public RunningAllocation {
        dimensions = List.copyOf(dimensions);
        cpuMillisByNode = Map.copyOf(cpuMillisByNode);
    }

    public RunningAllocation chargedUntil(Instant until) {
        return new RunningAllocation(id, dimensions, cores, memoryGb, gpus, cpuMillisByNode, startedAt, until);
    }
}
