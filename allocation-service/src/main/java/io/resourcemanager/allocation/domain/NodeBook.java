package io.resourcemanager.allocation.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The cluster's nodes and what each of them hosts: the ledger's capacity bookkeeping. What is used
 * per node is the source of truth; the free-capacity index, the worker-slot count and the held
 * worker count are kept in step with it on every change.
 */
final class NodeBook {

    private final LedgerSettings settings;
    private final Eligibility eligibility;
    private final Map<String, NodeCapacity> nodes = new TreeMap<>();
    private final Map<String, String> pools = new HashMap<>();
    private final Map<String, Resources> used = new HashMap<>();
    private final FreeIndex index = new FreeIndex();
    private long countedSlots;
    private int heldWorkers;

    NodeBook(LedgerSettings settings) {
        this.settings = settings;
        this.eligibility = new Eligibility(settings.generalPools());
    }

    /** Adds or replaces a node. */
    void put(NodeCapacity node) {
        NodeCapacity previous = nodes.put(node.node(), node);
        if (previous != null) {
            countedSlots -= CapacityReports.slotsOf(previous, settings.defaultShape());
        }
        countedSlots += CapacityReports.slotsOf(node, settings.defaultShape());
        pools.put(node.node(), node.pool());
        syncIndex(node.node());
    }

    /** Removes a node; false if it was not known. What it hosted stays booked until released. */
    boolean remove(String nodeName) {
        NodeCapacity removed = nodes.remove(nodeName);
        if (removed == null) {
            return false;
        }
        countedSlots -= CapacityReports.slotsOf(removed, settings.defaultShape());
        pools.remove(nodeName);
        index.remove(nodeName);
        return true;
    }

    /** Whether the node's allocatable resources still cover what it hosts. */
    boolean hostsWithinCapacity(NodeCapacity node) {
        return node.allocatable().fits(used.getOrDefault(node.node(), Resources.NONE));
    }

    void hold(Allocation allocation) {
        allocation.placements().forEach(this::hold);
    }

    void hold(WorkerPlacement placement) {
        used.merge(placement.node(), placement.resources(), Resources::plus);
        syncIndex(placement.node());
        heldWorkers++;
    }

    void unhold(Allocation allocation) {
        allocation.placements().forEach(this::unhold);
    }

    void unhold(WorkerPlacement placement) {
        used.computeIfPresent(placement.node(), (node, held) -> {
            Resources left = held.minus(placement.resources());
            return left.equals(Resources.NONE) ? null : left;
        });
        syncIndex(placement.node());
        heldWorkers = Math.max(0, heldWorkers - 1);
    }

    /** Worker slots left: default-shaped slots on the nodes that count, capped, less those held. */
    int availableWorkers() {
        long total = settings.maxWorkers() > 0 ? Math.min(settings.maxWorkers(), countedSlots) : countedSlots;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, total - heldWorkers));
    }

    /** Current capacity, given the live allocations. */
    CapacityReport capacity(Collection<Allocation> live) {
        return CapacityReports.of(nodes.values(), used, live, heldWorkers, settings);
    }

    /** The pools whose index answers for {@code request}; empty for GPU slots without a target pool. */
    Optional<List<String>> indexedPools(AllocationRequest request) {
        if (request.targetPool() != null) {
            return Optional.of(List.of(request.targetPool()));
        }
        return request.shape().gpu() > 0 ? Optional.empty() : Optional.of(List.copyOf(settings.generalPools()));
    }

    /** Total free resources of the given pools. */
    Resources freeIn(List<String> poolNames) {
        return index.freeIn(poolNames);
    }

    /** Best-fit placement through the free index; the index is left as it was. */
    Optional<List<WorkerPlacement>> placeIndexed(AllocationRequest request, List<String> poolNames) {
        Predicate<String> allowed = request.targetTemplate() == null ? node -> true
                : node -> request.targetTemplate().equals(nodes.get(node).template());
        List<WorkerPlacement> placements = new ArrayList<>(request.workers());
        boolean complete = true;
        for (int i = 0; i < request.workers() && complete; i++) {
            Optional<FreeIndex.Slot> slot = index.bestFit(poolNames, request.shape(), allowed);
            if (slot.isPresent()) {
                index.take(slot.get().node(), request.shape());
                placements.add(new WorkerPlacement(WorkerPlacement.workerId(request.jobId(), i), slot.get().node(),
                        slot.get().pool(), request.shape()));
            } else {
                complete = false;
            }
        }
        placements.forEach(placement -> index.give(placement.node(), placement.resources()));
        return complete ? Optional.of(placements) : Optional.empty();
    }

    /** Places {@code request} by scanning the free resources it may use. */
    Optional<List<WorkerPlacement>> place(AllocationRequest request, Map<String, Resources> free) {
        return Placement.place(request.jobId(), request.workers(), request.shape(), free, pools);
    }

    /** Free resources of the nodes {@code request} may use, counting {@code returned} as free again. */
    Map<String, Resources> freeFor(AllocationRequest request, List<Allocation> returned) {
        Map<String, Resources> usedNow = new HashMap<>(used);
        for (Allocation allocation : returned) {
            for (WorkerPlacement placement : allocation.placements()) {
                usedNow.computeIfPresent(placement.node(), (node, held) -> held.minus(placement.resources()));
            }
        }
        Map<String, Resources> free = new HashMap<>();
        for (NodeCapacity node : nodes.values()) {
            if (node.counts() && eligibility.allows(request, node)) {
                free.put(node.node(), node.allocatable().minus(usedNow.getOrDefault(node.node(), Resources.NONE)));
            }
        }
        return free;
    }

    /** New nodes for stranded slots of {@code request}, none of them on {@code lostNode}; empty if any does not fit. */
    Optional<List<WorkerPlacement>> placeElsewhere(AllocationRequest request, List<WorkerPlacement> stranded,
                                                   String lostNode) {
        Map<String, Resources> remaining = freeFor(request, List.of());
        remaining.remove(lostNode);
        List<WorkerPlacement> moved = new ArrayList<>();
        for (WorkerPlacement slot : stranded) {
            Optional<String> target = Placement.bestNode(slot.resources(), remaining);
            if (target.isEmpty()) {
                return Optional.empty();
            }
            remaining.put(target.get(), remaining.get(target.get()).minus(slot.resources()));
            moved.add(slot.movedTo(target.get(), pools.get(target.get())));
        }
        return Optional.of(moved);
    }

    /** Re-reads a node's free resources into the index from what is used on it. */
    private void syncIndex(String nodeName) {
        NodeCapacity node = nodes.get(nodeName);
        if (node == null) {
            index.remove(nodeName);
        } else {
            index.put(node, used.getOrDefault(nodeName, Resources.NONE));
        }
    }
}
