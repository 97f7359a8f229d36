package io.resourcemanager.allocation.domain;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Builds a {@link CapacityReport} from the ledger's nodes, usage and live allocations. */
final class CapacityReports {

    private CapacityReports() {
    }

    static CapacityReport of(Collection<NodeCapacity> nodes, Map<String, Resources> used,
                             Collection<Allocation> live, int allocatedWorkers, LedgerSettings settings) {
        Resources total = Resources.NONE;
        Resources allocated = Resources.NONE;
        long slots = 0;
        Map<String, CapacityReport.PoolCapacity> pools = new TreeMap<>();
        for (NodeCapacity node : nodes) {
            Resources held = used.getOrDefault(node.node(), Resources.NONE);
            allocated = allocated.plus(held);
            if (!node.counts()) {
                continue;
            }
            total = total.plus(node.allocatable());
            slots += slotsOf(node, settings.defaultShape());
            pools.merge(node.pool(), new CapacityReport.PoolCapacity(node.allocatable(), held, 1),
                    (a, b) -> new CapacityReport.PoolCapacity(a.total().plus(b.total()),
                            a.allocated().plus(b.allocated()), a.nodes() + b.nodes()));
        }
        int totalWorkers = (int) Math.min(Integer.MAX_VALUE, slots);
        if (settings.maxWorkers() > 0) {
            totalWorkers = Math.min(totalWorkers, settings.maxWorkers());
        }
        Map<String, Integer> mcpServers = new TreeMap<>();
        int active = 0;
        for (Allocation allocation : live) {
            if (allocation.status() == AllocationStatus.ACTIVE) {
                active++;
                allocation.request().mcpServers().forEach(server -> mcpServers.merge(server, 1, Integer::sum));
            }
        }
        return new CapacityReport(total, allocated, totalWorkers, allocatedWorkers, active, mcpServers, pools);
    }

    /** Default-shaped worker slots a node offers: none unless it counts as capacity. */
    static long slotsOf(NodeCapacity node, Resources shape) {
        if (!node.counts()) {
            return 0;
        }
        return Math.min(node.allocatable().cpuMillis() / shape.cpuMillis(), node.allocatable().memoryMb() / shape.memoryMb());
    }
}
