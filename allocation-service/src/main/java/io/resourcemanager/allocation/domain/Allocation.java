package io.resourcemanager.allocation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An allocation as the ledger keeps it: the request it came from, where its workers run and
 * where it is in its lifecycle.
 *
 * @param request the request
 * @param status lifecycle state
 * @param placements where each worker slot runs (empty unless active)
 * @param activatedAt when it was granted, or null
 * @param finishedAt when it was released, expired or preempted, or null
 * @param error why it failed, or null
 */
public record Allocation(AllocationRequest request, AllocationStatus status, List<WorkerPlacement> placements,
                         Instant activatedAt, Instant finishedAt, String error) {

    public Allocation {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        placements = List.copyOf(placements);
    }

    public String id() {
        return request.allocationId();
    }

    /** A granted allocation. */
    public static Allocation active(AllocationRequest request, List<WorkerPlacement> placements, Instant now) {
        return new Allocation(request, AllocationStatus.ACTIVE, placements, now, null, null);
    }

    /** A waiting allocation. */
    public static Allocation queued(AllocationRequest request) {
        return new Allocation(request, AllocationStatus.QUEUED, List.of(), null, null, null);
    }

    /** A refused allocation, kept in state failed. */
    public static Allocation failed(AllocationRequest request, String error) {
        return new Allocation(request, AllocationStatus.FAILED, List.of(), null, null, error);
    }

    /** This allocation in a final state reached at {@code when}, holding nothing. */
    public Allocation finished(AllocationStatus finalStatus, Instant when, String reason) {
        return new Allocation(request, finalStatus, List.of(), activatedAt, when, reason);
    }

    /** This allocation with its workers at other places. */
    public Allocation withPlacements(List<WorkerPlacement> moved) {
        return new Allocation(request, status, moved, activatedAt, finishedAt, error);
    }

    /**
     * This active allocation with its deadline moved to {@code newDeadline}: the TTL becomes the whole
     * seconds from activation to it, rounded up (so the deadline never comes earlier than asked).
     */
    public Allocation withDeadline(Instant newDeadline) {
        if (activatedAt == null) {
            throw new IllegalStateException("Allocation " + id() + " was never active");
        }
        Duration lifetime = Duration.between(activatedAt, newDeadline);
        long seconds = lifetime.getSeconds() + (lifetime.getNano() > 0 ? 1 : 0);
        return new Allocation(request.withTtlSeconds(seconds), status, placements, activatedAt, finishedAt, error);
    }

    /** What the allocation holds on the nodes (nothing unless active). */
    public Resources held() {
        return placements.stream().map(WorkerPlacement::resources).reduce(Resources.NONE, Resources::plus);
    }

    /** When an active allocation's TTL runs out, or null. */
    public Instant deadline() {
        return activatedAt == null ? null : activatedAt.plusSeconds(request.ttlSeconds());
    }

    /** Whether the allocation is active and past its deadline. */
    public boolean isExpired(Instant now) {
        return status == AllocationStatus.ACTIVE && deadline() != null && !now.isBefore(deadline());
    }

    /** How long it held capacity, up to {@code end}. */
    public Duration heldFor(Instant end) {
        return activatedAt == null ? Duration.ZERO : Duration.between(activatedAt, end);
    }
}
