package io.resourcemanager.health.benchmark;

import io.resourcemanager.testkit.benchmark.TopicTail;
import io.resourcemanager.events.HealthEventEnvelope;
import io.resourcemanager.events.NodeConditionSnapshot;
import io.resourcemanager.events.NodeHealth;
import io.resourcemanager.events.NodeHealthChanged;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads {@code rm.health.events} from the beginning (every partition assigned, no group) on its own thread
 * and keeps every {@code NodeHealthChanged} per node, in order, with the wall time its poll returned.
 */
final class HealthEventWatch implements AutoCloseable {

    private TopicTail<HealthEventEnvelope> tail;
    private final Map<String, List<Seen>> byNode = new ConcurrentHashMap<>();
    private final Set<String> healthy = ConcurrentHashMap.newKeySet();
    private final AtomicInteger events = new AtomicInteger();
    private final AtomicInteger otherEvents = new AtomicInteger();

    /** Starts reading every partition of {@code rm.health.events} from its beginning. */
    static HealthEventWatch start(String bootstrapServers, RegistrySettings registry) {
        HealthEventWatch watch = new HealthEventWatch();
        watch.tail = TopicTail.start(bootstrapServers, Topics.HEALTH_EVENTS.name(),
                Topics.HEALTH_EVENTS.valueSerde(registry).deserializer(), false, (record, received) -> watch.take(record.value(), received));
        return watch;
    }

    /** Nodes a HEALTHY {@code NodeHealthChanged} was seen for. */
    int healthyNodes() {
        return healthy.size();
    }

    /** Every {@code NodeHealthChanged} seen. */
    int events() {
        return events.get();
    }

    /** Events other than {@code NodeHealthChanged} (there should be none). */
    int otherEvents() {
        return otherEvents.get();
    }

    /** The changes seen for {@code node}, in order. */
    List<Seen> of(String node) {
        List<Seen> seen = byNode.get(node);
        if (seen == null) {
            return List.of();
        }
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private void take(HealthEventEnvelope event, Instant received) {
        if (event == null || !(event.getPayload() instanceof NodeHealthChanged changed)) {
            otherEvents.incrementAndGet();
            return;
        }
        events.incrementAndGet();
        if (changed.getHealth() == NodeHealth.HEALTHY) {
            healthy.add(changed.getNode());
        }
        Seen seen = new Seen(status(changed, "Ready"), status(changed, "DiskPressure"), changed.getHealth(),
                event.getHeader().getOccurredAt(), received);
        List<Seen> list = byNode.computeIfAbsent(changed.getNode(), node -> new ArrayList<>());
        synchronized (list) {
            list.add(seen);
        }
    }

    private static String status(NodeHealthChanged changed, String type) {
        return changed.getConditions().stream().filter(c -> type.equals(c.getType()))
                .map(NodeConditionSnapshot::getStatus).findFirst().orElse("");
    }

    @Override
    public void close() throws InterruptedException {
        tail.close();
    }

    /**
     * One {@code NodeHealthChanged} as seen.
     *
     * @param ready the Ready status it reports
     * @param diskPressure the DiskPressure status it reports
     * @param health the judged health
     * @param occurredAt the header's {@code occurred_at}: when the service built it
     * @param received when the poll that returned it came back
     */
    record Seen(String ready, String diskPressure, NodeHealth health, Instant occurredAt, Instant received) {
    }
}
