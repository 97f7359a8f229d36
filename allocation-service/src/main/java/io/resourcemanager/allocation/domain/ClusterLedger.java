package io.resourcemanager.allocation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The allocation ledger of one capacity domain (cluster). It is the single writer of that cluster's
 * capacity: every request, release, expiry, deadline extension and node change of the cluster passes
 * through it, one at a time, so nothing is ever granted twice or beyond capacity. Not thread-safe by
 * design.
 *
 * <p>It keeps only what is live (active and queued allocations, nodes); the caller persists the
 * allocations it returns and rebuilds a ledger from them with the {@code restore} methods.
 */
public final class ClusterLedger {

    private final LedgerSettings settings;
    private final NodeBook nodes;
    private final Map<String, Allocation> live = new HashMap<>();
    private final Set<String> seenAllocations = new HashSet<>();
    private final Set<String> seenRequests = new HashSet<>();
    private final AllocationQueue queue;
    private final DivisionUsage divisions = new DivisionUsage();
    private final Admission admission;

    public ClusterLedger(LedgerSettings settings) {
        this.settings = settings;
        this.nodes = new NodeBook(settings);
        this.queue = new AllocationQueue(settings.queueMaxSize());
        this.admission = new Admission(settings.policies(), divisions);
    }

    /** Adds a node known from before (rebuilding after a restart). */
    public void restoreNode(NodeCapacity node) {
        nodes.put(node);
    }

    /** Adds an allocation known from before; queued ones must come in queue order. */
    public void restoreAllocation(Allocation allocation) {
        remember(allocation.request());
        if (allocation.status() == AllocationStatus.ACTIVE) {
            live.put(allocation.id(), allocation);
            nodes.hold(allocation);
            divisions.add(allocation);
        } else if (allocation.status() == AllocationStatus.QUEUED) {
            live.put(allocation.id(), allocation);
            queue.add(allocation.request().priority(), allocation.id());
        }
    }

    /** Decides a request while no division is blocked (see the method taking {@link BlockedDivisions}). */
    public List<LedgerEvent> request(AllocationRequest request, Instant now) {
        return request(request, BlockedDivisions.NONE, now);
    }

    /**
     * Decides a request: grant (possibly preempting), queue, or reject. A request of a blocked division is
     * rejected with the block's reason, even if it asked to wait. A repeated request changes nothing.
     */
    public List<LedgerEvent> request(AllocationRequest request, BlockedDivisions blocked, Instant now) {
        if (seenAllocations.contains(request.allocationId()) || seenRequests.contains(request.requestId())) {
            return List.of();
        }
        remember(request);
        Optional<String> refusal = blocked.reason(DivisionUsage.divisionOf(request));
        if (refusal.isPresent()) {
            return List.of(new LedgerEvent.Rejected(Allocation.failed(request, refusal.get())));
        }
        Optional<String> overQuota = admission.quotaShortfall(request);
        if (overQuota.isPresent()) {
            return List.of(request.queueIfInsufficient()
                    ? enqueue(request, overQuota.get(), false)
                    : new LedgerEvent.Rejected(Allocation.failed(request, overQuota.get())));
        }
        Optional<String> shortfall = tryGrant(request, now);
        if (shortfall.isEmpty()) {
            return List.of(new LedgerEvent.Granted(live.get(request.allocationId())));
        }
        List<LedgerEvent> preemption = new Preemption(this).tryPreemptFor(request, now);
        if (!preemption.isEmpty()) {
            return preemption;
        }
        if (request.queueIfInsufficient()) {
            return List.of(enqueue(request, shortfall.get(), true));
        }
        return List.of(new LedgerEvent.Rejected(Allocation.failed(request, shortfall.get())));
    }

    /** Releases a live allocation; frees what it held and serves the queue. Empty if it is not live. */
    public List<LedgerEvent> release(String allocationId, Instant now) {
        Allocation allocation = live.get(allocationId);
        if (allocation == null) {
            return List.of();
        }
        List<LedgerEvent> events = new ArrayList<>();
        Resources freed = allocation.held();
        int workers = allocation.placements().size();
        events.add(new LedgerEvent.Released(end(allocation, AllocationStatus.RELEASED, now, null), freed, workers, now));
        events.addAll(serveQueue(now));
        return events;
    }

    /** Expires an active allocation whose deadline has passed; empty otherwise (never twice, never early). */
    public List<LedgerEvent> expire(String allocationId, Instant now) {
        Allocation allocation = live.get(allocationId);
        if (allocation == null || !allocation.isExpired(now)) {
            return List.of();
        }
        List<LedgerEvent> events = new ArrayList<>();
        Resources freed = allocation.held();
        events.add(new LedgerEvent.Expired(end(allocation, AllocationStatus.EXPIRED, now, "TTL expired"), freed));
        events.addAll(serveQueue(now));
        return events;
    }

    /**
     * Moves an active allocation's deadline later (a TTL extension); what it holds is unchanged.
     * Unchanged, with the reason, if it is not active or the deadline is not later than its current one.
     */
    public DeadlineExtension extendDeadline(String allocationId, Instant newDeadline) {
        DeadlineExtension decision = DeadlineExtension.decide(allocationId, live.get(allocationId), newDeadline);
        if (decision instanceof DeadlineExtension.Extended extended) {
            live.put(allocationId, extended.event().allocation());
        }
        return decision;
    }

    /** A node appeared or changed. Workers on a node that stopped counting move or are preempted. */
    public List<LedgerEvent> nodeUpdated(NodeCapacity node, Instant now) {
        nodes.put(node);
        List<LedgerEvent> events = new ArrayList<>();
        if (!node.counts()) {
            events.addAll(relocateFrom(node.node(), "Node " + node.node() + " is " + why(node), now));
        } else if (!nodes.hostsWithinCapacity(node)) {
            events.addAll(relocateFrom(node.node(), "Node " + node.node() + " shrank below what it hosts", now));
        }
        events.addAll(serveQueue(now));
        return events;
    }

    /** A node left the cluster. Its workers move or are preempted. */
    public List<LedgerEvent> nodeRemoved(String nodeName, Instant now) {
        if (!nodes.remove(nodeName)) {
            return List.of();
        }
        List<LedgerEvent> events = new ArrayList<>(relocateFrom(nodeName, "Node " + nodeName + " was removed", now));
        events.addAll(serveQueue(now));
        return events;
    }

    /** The live allocation with this id, if any. */
    public Optional<Allocation> live(String allocationId) {
        return Optional.ofNullable(live.get(allocationId));
    }

    /** Current capacity of the cluster. */
    public CapacityReport capacity() {
        return nodes.capacity(live.values());
    }

    // --- shared with Preemption -------------------------------------------------------------

    Map<String, Allocation> liveAllocations() {
        return live;
    }

    /** Why {@code request} cannot be granted with these free resources and worker slots, if it cannot. */
    Optional<String> shortfall(AllocationRequest request, Map<String, Resources> free, int availableWorkers, Instant now) {
        Resources have = free.values().stream().reduce(Resources.NONE, Resources::plus);
        Optional<String> totals = countShortfall(request, have, availableWorkers, now);
        if (totals.isPresent()) {
            return totals;
        }
        if (nodes.place(request, free).isEmpty()) {
            return Optional.of(noPlacement(request));
        }
        return Optional.empty();
    }

    /** The checks on totals, in the contract's order: workers, CPU, memory, GPU. */
    private Optional<String> countShortfall(AllocationRequest request, Resources free, int availableWorkers, Instant now) {
        if (request.workers() > availableWorkers) {
            return Optional.of("Insufficient workers: requested " + request.workers() + ", available " + availableWorkers);
        }
        Resources need = request.demand();
        Resources have = free.minus(admission.heldBack(request, now));
        if (need.cpuMillis() > have.cpuMillis()) {
            return Optional.of("Insufficient CPU: needed " + need.cpuCores() + ", available " + have.cpuCores());
        }
        if (need.memoryMb() > have.memoryMb()) {
            return Optional.of("Insufficient memory: needed " + need.memoryMb() + "MB, available " + have.memoryMb() + "MB");
        }
        if (need.gpu() > have.gpu()) {
            return Optional.of("Insufficient GPU: needed " + need.gpu() + ", available " + have.gpu());
        }
        return Optional.empty();
    }

    private static String noPlacement(AllocationRequest request) {
        return "Insufficient capacity: no placement fits " + request.workers() + " workers of "
                + request.shape().cpuCores() + " CPU / " + request.shape().memoryMb() + "MB on one node each";
    }

    /** Free resources of the nodes {@code request} may use, counting {@code returned} as free again. */
    Map<String, Resources> freeFor(AllocationRequest request, List<Allocation> returned) {
        return nodes.freeFor(request, returned);
    }

    int availableWorkers() {
        return nodes.availableWorkers();
    }

    /** Grants {@code request} if it fits now; otherwise returns why not. */
    Optional<String> tryGrant(AllocationRequest request, Instant now) {
        Optional<List<String>> pools = nodes.indexedPools(request);
        List<WorkerPlacement> placements;
        if (pools.isPresent()) {
            Optional<String> shortfall = countShortfall(request, nodes.freeIn(pools.get()), availableWorkers(), now);
            if (shortfall.isPresent()) {
                return shortfall;
            }
            Optional<List<WorkerPlacement>> placed = nodes.placeIndexed(request, pools.get());
            if (placed.isEmpty()) {
                return Optional.of(noPlacement(request));
            }
            placements = placed.get();
        } else {
            Map<String, Resources> free = freeFor(request, List.of());
            Optional<String> shortfall = shortfall(request, free, availableWorkers(), now);
            if (shortfall.isPresent()) {
                return shortfall;
            }
            placements = nodes.place(request, free).orElseThrow();
        }
        Allocation granted = Allocation.active(request, placements, now);
        live.put(granted.id(), granted);
        nodes.hold(granted);
        divisions.add(granted);
        return Optional.empty();
    }

    /** Ends a live allocation in a final state, freeing what it held and leaving its queue. */
    Allocation end(Allocation allocation, AllocationStatus finalStatus, Instant now, String reason) {
        live.remove(allocation.id());
        if (allocation.status() == AllocationStatus.ACTIVE) {
            nodes.unhold(allocation);
            divisions.remove(allocation);
        } else if (allocation.status() == AllocationStatus.QUEUED) {
            queue.remove(allocation.request().priority(), allocation.id());
        }
        return allocation.finished(finalStatus, now, reason);
    }

    // --- internals -----------------------------------------------------------------------------

    private void remember(AllocationRequest request) {
        seenAllocations.add(request.allocationId());
        seenRequests.add(request.requestId());
    }

    private LedgerEvent enqueue(AllocationRequest request, String shortfall, boolean countsAsDemand) {
        Allocation queued = Allocation.queued(request);
        if (queue.isFull(request.priority())) {
            return new LedgerEvent.Rejected(Allocation.failed(request, shortfall + "; the " + request.priority().label()
                    + " queue is full (max " + settings.queueMaxSize() + ")"));
        }
        live.put(queued.id(), queued);
        int position = queue.add(request.priority(), queued.id());
        return new LedgerEvent.Queued(queued, position, shortfall, countsAsDemand);
    }

    /**
     * Grants waiting allocations, highest priority first; within a priority the division furthest
     * below its fair share goes first, FIFO within a division. Stops at the first that does not fit;
     * allocations held back only by their division's quota are passed over.
     */
    private List<LedgerEvent> serveQueue(Instant now) {
        List<LedgerEvent> events = new ArrayList<>();
        Set<Priority> moved = new HashSet<>();
        for (String id : fairOrder()) {
            AllocationRequest waiting = live.get(id).request();
            if (admission.quotaShortfall(waiting).isPresent()) {
                continue;
            }
            if (tryGrant(waiting, now).isPresent()) {
                break;
            }
            queue.remove(waiting.priority(), id);
            events.add(new LedgerEvent.Granted(live.get(id)));
            moved.add(waiting.priority());
        }
        for (Priority priority : moved) {
            events.addAll(positions(priority));
        }
        return events;
    }

    private List<String> fairOrder() {
        List<String> order = new ArrayList<>(queue.inServiceOrder());
        Map<String, Integer> fifo = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            fifo.put(order.get(i), i);
        }
        order.sort(java.util.Comparator
                .<String, Priority>comparing(id -> live.get(id).request().priority(), java.util.Comparator.reverseOrder())
                .thenComparingDouble(id -> admission.shareUsed(live.get(id).request()))
                .thenComparingInt(fifo::get));
        return order;
    }

    private List<LedgerEvent> positions(Priority priority) {
        List<LedgerEvent> events = new ArrayList<>();
        for (String id : queue.inServiceOrder()) {
            Allocation allocation = live.get(id);
            if (allocation.request().priority() == priority) {
                events.add(new LedgerEvent.QueuePositionChanged(allocation, queue.position(priority, id)));
            }
        }
        return events;
    }

    private List<LedgerEvent> relocateFrom(String nodeName, String reason, Instant now) {
        List<LedgerEvent> events = new ArrayList<>();
        List<Allocation> affected = live.values().stream()
                .filter(allocation -> allocation.placements().stream().anyMatch(p -> p.node().equals(nodeName)))
                .toList();
        for (Allocation allocation : affected) {
            nodes.unhold(allocation);
            List<WorkerPlacement> staying = allocation.placements().stream().filter(p -> !p.node().equals(nodeName)).toList();
            List<WorkerPlacement> stranded = allocation.placements().stream().filter(p -> p.node().equals(nodeName)).toList();
            staying.forEach(nodes::hold);
            Optional<List<WorkerPlacement>> moved = nodes.placeElsewhere(allocation.request(), stranded, nodeName);
            if (moved.isPresent()) {
                List<WorkerPlacement> placements = new ArrayList<>(staying);
                placements.addAll(moved.get());
                Allocation relocated = allocation.withPlacements(placements);
                moved.get().forEach(nodes::hold);
                live.put(relocated.id(), relocated);
                events.add(new LedgerEvent.Moved(relocated));
            } else {
                staying.forEach(nodes::unhold);
                Allocation preempted = end(allocation.withPlacements(List.of()), AllocationStatus.PREEMPTED, now, reason);
                events.add(new LedgerEvent.Preempted(preempted, reason, null, allocation.held()));
            }
        }
        return events;
    }

    private static String why(NodeCapacity node) {
        if (!node.ready()) {
            return "not ready";
        }
        return node.schedulable() ? "unhealthy" : "cordoned";
    }
}
