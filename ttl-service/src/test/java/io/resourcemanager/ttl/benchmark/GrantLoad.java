package io.resourcemanager.ttl.benchmark;

import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes {@code AllocationGranted} events ({@link Events#allocationGranted}) to
 * {@code rm.allocation.events} as fast as the producer takes them (acks=all, idempotent, the registry
 * serde), and remembers the deadline of every due one. A deadline is
 * {@code activated_at + ttl_seconds} with whole seconds, so the sub-second part of a planned deadline
 * goes into {@code activated_at} (at most a second after the send).
 */
final class GrantLoad {

    private static final Duration LIVE_MIN = Duration.ofHours(2);
    private static final Duration LIVE_SPREAD = Duration.ofHours(8);

    private final EventPublisher publisher;
    private final Clock clock;
    private final Map<String, Instant> dueDeadlines = new HashMap<>();
    private final AtomicInteger failures = new AtomicInteger();

    GrantLoad(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Sends {@code count} allocations with deadlines spread over 2–10 h from now; waits for every ack. */
    Sent live(int count) {
        Instant started = clock.instant();
        List<CompletableFuture<?>> acks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long ttl = LIVE_MIN.plus(LIVE_SPREAD.multipliedBy(i).dividedBy(Math.max(1, count))).toSeconds();
            acks.add(send(String.format("live-%07d", i), clock.instant(), ttl));
        }
        return new Sent(count, started, awaitAll(acks));
    }

    /**
     * Sends {@code count} allocations whose deadlines are spread evenly over {@code window}, the first
     * {@code lead} after this call; waits for every ack.
     */
    Sent due(int count, Duration lead, Duration window) {
        Instant started = clock.instant();
        long first = started.plus(lead).toEpochMilli();
        List<CompletableFuture<?>> acks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant deadline = Instant.ofEpochMilli(first + window.toMillis() * i / count);
            long now = clock.millis();
            long ttl = Math.max(0, (deadline.toEpochMilli() - now) / 1_000);
            String id = String.format("due-%07d", i);
            dueDeadlines.put(id, deadline);
            acks.add(send(id, deadline.minusSeconds(ttl), ttl));
        }
        return new Sent(count, started, awaitAll(acks));
    }

    /** Deadlines of the due allocations by allocation id. */
    Map<String, Instant> dueDeadlines() {
        return Map.copyOf(dueDeadlines);
    }

    /** Sends the broker did not acknowledge. */
    int failures() {
        return failures.get();
    }

    private CompletableFuture<?> send(String allocationId, Instant activatedAt, long ttlSeconds) {
        return publisher.publish(Topics.ALLOCATION_EVENTS, allocationId,
                        Events.allocationGranted(allocationId, activatedAt, ttlSeconds))
                .whenComplete((metadata, error) -> {
                    if (error != null) {
                        failures.incrementAndGet();
                    }
                });
    }

    private Instant awaitAll(List<CompletableFuture<?>> acks) {
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).exceptionally(error -> null).join();
        return clock.instant();
    }

    /** A batch that was sent: how many, when the first send began and when the last ack arrived. */
    record Sent(int count, Instant started, Instant acked) {

        /** Acknowledged records per second. */
        double perSecond() {
            return count / Math.max(1e-3, Duration.between(started, acked).toNanos() / 1e9);
        }
    }
}
