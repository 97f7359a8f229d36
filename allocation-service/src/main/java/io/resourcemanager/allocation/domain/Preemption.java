package io.resourcemanager.allocation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Takes capacity from lower-priority allocations for a request that does not fit: the fewest,
 * lowest-priority, youngest victims that make it fit. Critical may preempt low and normal; high may
 * preempt low; nothing preempts high or critical.
 */
final class Preemption {

    private final ClusterLedger ledger;

    Preemption(ClusterLedger ledger) {
        this.ledger = ledger;
    }

    /** The preemptions and the grant, or empty if no set of victims makes the request fit. */
    List<LedgerEvent> tryPreemptFor(AllocationRequest request, Instant now) {
        List<Allocation> candidates = ledger.liveAllocations().values().stream()
                .filter(allocation -> allocation.status() == AllocationStatus.ACTIVE)
                .filter(allocation -> request.priority().mayPreempt(allocation.request().priority()))
                .sorted(Comparator.<Allocation, Priority>comparing(a -> a.request().priority())
                        .thenComparing(Allocation::activatedAt, Comparator.reverseOrder())
                        .thenComparing(Allocation::id))
                .toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        Optional<List<Allocation>> victims = smallestSufficientSet(request, candidates, now);
        if (victims.isEmpty()) {
            return List.of();
        }
        List<LedgerEvent> events = new ArrayList<>();
        String reason = "Preempted by " + request.allocationId() + " (priority " + request.priority().label() + ")";
        for (Allocation victim : victims.get()) {
            Resources freed = victim.held();
            Allocation ended = ledger.end(victim, AllocationStatus.PREEMPTED, now, reason);
            events.add(new LedgerEvent.Preempted(ended, reason, request.allocationId(), freed));
        }
        if (ledger.tryGrant(request, now).isPresent()) {
            victims.get().forEach(ledger::restoreAllocation);
            return List.of();
        }
        events.add(new LedgerEvent.Granted(ledger.live(request.allocationId()).orElseThrow()));
        return events;
    }

    private Optional<List<Allocation>> smallestSufficientSet(AllocationRequest request, List<Allocation> candidates,
                                                             Instant now) {
        List<Allocation> chosen = new ArrayList<>();
        for (Allocation candidate : candidates) {
            chosen.add(candidate);
            if (fits(request, chosen, now)) {
                return Optional.of(withoutUnneeded(request, chosen, now));
            }
        }
        return Optional.empty();
    }

    /** Drops victims, most valuable first, as long as the request still fits without them. */
    private List<Allocation> withoutUnneeded(AllocationRequest request, List<Allocation> chosen, Instant now) {
        List<Allocation> needed = new ArrayList<>(chosen);
        for (int i = needed.size() - 1; i >= 0; i--) {
            Allocation spared = needed.remove(i);
            if (!fits(request, needed, now)) {
                needed.add(i, spared);
            }
        }
        return needed;
    }

    private boolean fits(AllocationRequest request, List<Allocation> victims, Instant now) {
        int freedWorkers = victims.stream().mapToInt(victim -> victim.placements().size()).sum();
        return ledger.shortfall(request, ledger.freeFor(request, victims), ledger.availableWorkers() + freedWorkers, now)
                .isEmpty();
    }
}
