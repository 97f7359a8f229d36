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
 */
public final class Placement {

    private Placement() {
    }

    /**
     * Places {@code slots} slots of {@code shape} for job {@code jobId} on the given nodes.
     *
     * @param free free resources of each eligible node
     * @param pools pool of each node
     * @param firstIndex index of the first slot (for worker ids)
     * @return the placements, or empty if not every slot fits
     */
    public static Optional<List<WorkerPlacement>> place(String jobId, int slots, int firstIndex, Resources shape,
                                                        Map<String, Resources> free, Map<String, String> pools) {
        Map<String, Resources> remaining = new HashMap<>(free);
        List<WorkerPlacement> placements = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            Optional<String> best = remaining.entrySet().stream()
                    .filter(entry -> entry.getValue().fits(shape))
                    .min(Comparator.<Map.Entry<String, Resources>>comparingLong(e -> e.getValue().cpuMillis() - shape.cpuMillis())
                            .thenComparingLong(e -> e.getValue().memoryMb() - shape.memoryMb())
                            .thenComparingInt(e -> e.getValue().gpu() - shape.gpu())
                            .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey);
            if (best.isEmpty()) {
                return Optional.empty();
            }
            String node = best.get();
            remaining.put(node, remaining.get(node).minus(shape));
            placements.add(new WorkerPlacement(WorkerPlacement.workerId(jobId, firstIndex + i), node, pools.get(node), shape));
        }
        return Optional.of(placements);
    }
}
