package io.resourcemanager.ttl.adapter;

import io.resourcemanager.events.NodeActivity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Records what the sampler publishes, keyed as on the topic. Can be told to have Kafka refuse the next
 * records (the send's future fails) or to break the send itself (it throws, as a serializer may).
 */
final class RecordingPublication implements ActivitySampler.Publication {

    private final List<Map.Entry<String, NodeActivity>> published = new ArrayList<>();
    private int refusals;
    private int breaks;

    /** The next {@code count} records are not acknowledged. */
    synchronized void refuseNext(int count) {
        refusals += count;
    }

    /** The next {@code count} sends throw. */
    synchronized void breakNext(int count) {
        breaks += count;
    }

    /** The records acknowledged so far, as key and value, in publishing order. */
    synchronized List<Map.Entry<String, NodeActivity>> published() {
        return List.copyOf(published);
    }

    @Override
    public synchronized CompletableFuture<?> publish(String node, NodeActivity activity) {
        if (breaks > 0) {
            breaks--;
            throw new IllegalStateException("schema registry unavailable");
        }
        if (refusals > 0) {
            refusals--;
            return CompletableFuture.failedFuture(new IllegalStateException("broker unavailable"));
        }
        published.add(Map.entry(node, activity));
        return CompletableFuture.completedFuture(null);
    }
}
