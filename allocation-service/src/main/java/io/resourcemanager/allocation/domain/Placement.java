package io.resourcemanager.allocation.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Best-fit bin packing of worker slots onto nodes: each slot goes to the node that fits it and is
 * left with the least free CPU (then memory, then name), so large nodes stay free for large slots.
 * This scans the nodes it is given; the ledger's common path uses {@link FreeIndex}, which orders the
 * same way.
 */
public final class Placement {

    private Placement() {
    }

    /**
     * Places {@code slots} slots of {@code shape} for job {@code jobId} on the given nodes.
     *
     * @param free free resources of each eligible node
     * @param pools pool of each node
     * @return the placements, or empty if not every slot fits
     */
    public static Optional<List<WorkerPlacement>> place(String jobId, int slots, Resources shape,
                                                        Map<String, Resources> free, Map<String, String> pools) {
        Map<String, Resources> remaining = new HashMap<>(free);
        List<WorkerPlacement> placements = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            Optional<String> best = bestNode(shape, remaining);
            if (best.isEmpty()) {
                return Optional.empty();
            }
            String node = best.get();
            remaining.put(node, remaining.get(node).minus(shape));
            placements.add(new WorkerPlacement(WorkerPlacement.workerId(jobId, i), node, pools.get(node), shape));
        }
        return Optional.of(placements);
    }

    /** The node among {@code free} that fits {@code shape} best, if any fits. */
    public static Optional<String> bestNode(Resources shape, Map<String, Resources> free) {
        return free.entrySet().stream()
                .filter(entry -> entry.getValue().fits(shape))
                .min(Comparator.<Map.Entry<String, Resources>>comparingLong(e -> e.getValue().cpuMillis())
                        .thenComparingLong(e -> e.getValue().memoryMb())
                        .thenComparingInt(e -> e.getValue().gpu())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }
}
