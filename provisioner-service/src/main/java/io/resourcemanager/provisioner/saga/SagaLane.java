package io.resourcemanager.provisioner.saga;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs at most {@code limit} sagas at once; the others wait their turn in arrival order. A saga holds
 * its place from admission until it finishes (or stops in this process), pauses between retries included.
 */
final class SagaLane implements AutoCloseable {

    private final int limit;
    private final ScheduledExecutorService executor;
    private final Set<String> running = new HashSet<>();
    private final Deque<String> waiting = new ArrayDeque<>();
    private final Set<String> delayed = new HashSet<>();

    SagaLane(String name, int limit) {
        this.limit = limit;
        this.executor = Executors.newScheduledThreadPool(limit, runnable -> {
            Thread thread = new Thread(runnable, "saga-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Queues {@code sagaId} unless it is already queued or running.
     *
     * @return the sagas admitted now (possibly including this one)
     */
    synchronized List<String> enqueue(String sagaId) {
        if (!running.contains(sagaId) && !waiting.contains(sagaId)) {
            waiting.addLast(sagaId);
        }
        return admit();
    }

    /**
     * Gives up the place of {@code sagaId}.
     *
     * @return the sagas admitted in its place
     */
    synchronized List<String> release(String sagaId) {
        running.remove(sagaId);
        return admit();
    }

    synchronized boolean holds(String sagaId) {
        return running.contains(sagaId) || waiting.contains(sagaId) || delayed.contains(sagaId);
    }

    /** Queues {@code sagaId} after {@code delay}, handing what is admitted then to {@code onAdmitted}. */
    synchronized void later(String sagaId, Duration delay, Consumer<String> enqueue) {
        if (delayed.add(sagaId)) {
            executor.schedule(() -> {
                synchronized (this) {
                    delayed.remove(sagaId);
                }
                enqueue.accept(sagaId);
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    synchronized int waitingCount() {
        return waiting.size();
    }

    /** Runs {@code step} for {@code sagaId} after {@code pause} on one of the lane's threads. */
    void schedule(String sagaId, Duration pause, Consumer<String> step) {
        executor.schedule(() -> step.accept(sagaId), pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    private List<String> admit() {
        List<String> admitted = new ArrayList<>();
        while (running.size() < limit && !waiting.isEmpty()) {
            String next = waiting.pollFirst();
            running.add(next);
            admitted.add(next);
        }
        return admitted;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
