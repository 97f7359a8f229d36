package io.resourcemanager.allocation.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Free resources of the nodes that count, kept up to date as work is held and freed: a running total
 * per pool and, per pool, the nodes ordered by free CPU, so a best fit is a lookup rather than a scan
 * of every node.
 */
final class FreeIndex {

    private static final Comparator<Slot> ORDER = Comparator.comparingLong(Slot::cpuMillis)
            .thenComparingLong(Slot::memoryMb).thenComparingInt(Slot::gpu).thenComparing(Slot::node);

    private final Map<String, Slot> byNode = new HashMap<>();
    private final Map<String, TreeSet<Slot>> byPool = new HashMap<>();
    private final Map<String, Resources> poolFree = new HashMap<>();

    /** Indexes a node with what is used on it; a node that does not count is dropped. */
    void put(NodeCapacity node, Resources used) {
        remove(node.node());
        if (node.counts()) {
            add(new Slot(node.node(), node.pool(), node.allocatable().minus(used)));
        }
    }

    void remove(String node) {
        Slot slot = byNode.remove(node);
        if (slot != null) {
            byPool.get(slot.pool()).remove(slot);
            poolFree.computeIfPresent(slot.pool(), (pool, free) -> free.minus(slot.free()));
        }
    }

    /** Marks {@code resources} as taken on {@code node} (no-op for a node that does not count). */
    void take(String node, Resources resources) {
        Slot slot = byNode.get(node);
        if (slot != null) {
            remove(node);
            add(new Slot(node, slot.pool(), slot.free().minus(resources)));
        }
    }

    /** Marks {@code resources} as freed on {@code node}. */
    void give(String node, Resources resources) {
        Slot slot = byNode.get(node);
        if (slot != null) {
            remove(node);
            add(new Slot(node, slot.pool(), slot.free().plus(resources)));
        }
    }

    /** Total free resources of the given pools. */
    Resources freeIn(Collection<String> pools) {
        Resources total = Resources.NONE;
        for (String pool : pools) {
            total = total.plus(poolFree.getOrDefault(pool, Resources.NONE));
        }
        return total;
    }

    /** The node of the given pools that fits {@code shape} with the least CPU left over (then memory, then name). */
    Optional<Slot> bestFit(Collection<String> pools, Resources shape, Predicate<String> nodeAllowed) {
        Slot best = null;
        Slot floor = new Slot("", "", new Resources(shape.cpuMillis(), 0, 0));
        for (String pool : pools) {
            TreeSet<Slot> slots = byPool.get(pool);
            if (slots == null) {
                continue;
            }
            for (Slot candidate : slots.tailSet(floor, true)) {
                if (best != null && ORDER.compare(candidate, best) >= 0) {
                    break;
                }
                if (candidate.free().fits(shape) && nodeAllowed.test(candidate.node())) {
                    best = candidate;
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private void add(Slot slot) {
        byNode.put(slot.node(), slot);
        byPool.computeIfAbsent(slot.pool(), pool -> new TreeSet<>(ORDER)).add(slot);
        poolFree.merge(slot.pool(), slot.free(), Resources::plus);
    }

    /** A node's free resources. */
    record Slot(String node, String pool, Resources free) {

        long cpuMillis() {
            return free.cpuMillis();
        }

        long memoryMb() {
            return free.memoryMb();
        }

        int gpu() {
            return free.gpu();
        }
    }
}
