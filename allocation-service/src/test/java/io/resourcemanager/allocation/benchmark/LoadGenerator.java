package io.resourcemanager.allocation.benchmark;

import io.resourcemanager.allocation.benchmark.DecisionTracker.RequestKind;
import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.topics.Topics;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends allocation requests and releases of cluster {@value BenchmarkSettings#CLUSTER}, unpaced or at
 * a fixed rate. Allocations are numbered from 0; churn alternates a request for the next new
 * allocation with the release of the oldest one still held, so the number of live allocations stays
 * where the load left it. Every send is announced to the {@link DecisionTracker} first.
 */
final class LoadGenerator {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final EventPublisher publisher;
    private final DecisionTracker tracker;
    private final AtomicLong failedSends = new AtomicLong();
    private long nextAllocation;
    private long nextRelease;

    LoadGenerator(EventPublisher publisher, DecisionTracker tracker) {
        this.publisher = publisher;
        this.tracker = tracker;
    }

    /**
     * What one burst of sends did.
     *
     * @param requests records sent
     * @param firstSendNanos {@link System#nanoTime()} of the first send
     * @param lastSendNanos {@link System#nanoTime()} of the last send
     */
    record Sent(int requests, long firstSendNanos, long lastSendNanos) {

        /** The offered load actually achieved, requests per second. */
        double offeredPerSecond() {
            long elapsed = lastSendNanos - firstSendNanos;
            return elapsed <= 0 ? Double.NaN : (requests - 1) * (double) NANOS_PER_SECOND / elapsed;
        }
    }

    /** Sends {@code count} requests for new allocations as fast as the producer takes them. */
    Sent allocate(int count) {
        long first = System.nanoTime();
        for (int i = 0; i < count; i++) {
            allocateNext();
        }
        return new Sent(count, first, System.nanoTime());
    }

    /**
     * Sends {@code count} records alternating new allocations and releases, at {@code perSecond}
     * records per second, or as fast as possible when {@code perSecond} is 0.
     */
    Sent churn(int count, int perSecond) {
        long first = System.nanoTime();
        long interval = perSecond > 0 ? NANOS_PER_SECOND / perSecond : 0;
        for (int i = 0; i < count; i++) {
            long due = first + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (i % 2 == 0) {
                allocateNext();
            } else {
                releaseOldest();
            }
        }
        return new Sent(count, first, System.nanoTime());
    }

    /** Sends one request for a new allocation; the number of that allocation. */
    long allocateNext() {
        long number = nextAllocation++;
        send(RequestKind.ALLOCATE, number, BenchmarkEvents.request(number));
        return number;
    }

    /** Records the producer could not deliver. */
    long failedSends() {
        return failedSends.get();
    }

    private void releaseOldest() {
        long number = nextRelease++;
        send(RequestKind.RELEASE, number, BenchmarkEvents.release(number));
    }

    private void send(RequestKind kind, long number, AllocationRequestEnvelope envelope) {
        tracker.sending(kind, BenchmarkEvents.allocationId(number));
        publisher.publish(Topics.ALLOCATION_REQUESTS, BenchmarkSettings.CLUSTER, envelope)
                .whenComplete((metadata, error) -> {
                    if (error != null) {
                        failedSends.incrementAndGet();
                    }
                });
    }
}
