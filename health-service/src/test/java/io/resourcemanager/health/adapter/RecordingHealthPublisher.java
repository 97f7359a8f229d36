package io.resourcemanager.health.adapter;

import io.resourcemanager.events.HealthEventEnvelope;
import io.resourcemanager.events.NodeHealthChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** A {@link HealthChangePublisher} that records what it was given and can be told to fail next. */
final class RecordingHealthPublisher implements HealthChangePublisher {

    private final List<NodeHealthChanged> published = new ArrayList<>();
    private int failNext;

    @Override
    public synchronized CompletableFuture<?> publish(String node, HealthEventEnvelope event) {
        if (failNext > 0) {
            failNext--;
            return CompletableFuture.failedFuture(new IllegalStateException("told to fail"));
        }
        published.add((NodeHealthChanged) event.getPayload());
        return CompletableFuture.completedFuture(null);
    }

    /** Fails the next {@code times} publications. */
    synchronized void failNext(int times) {
        failNext = times;
    }

    /** Everything published so far, in order. */
    synchronized List<NodeHealthChanged> published() {
        return List.copyOf(published);
    }

    /** The published changes of {@code node} that match. */
    synchronized List<NodeHealthChanged> published(String node, Predicate<NodeHealthChanged> matching) {
        return published.stream().filter(c -> c.getNode().equals(node)).filter(matching).toList();
    }
}
