package io.resourcemanager.ttl.benchmark;

import io.resourcemanager.testkit.benchmark.TopicTail;
import io.resourcemanager.events.ExpiryReason;
import io.resourcemanager.events.TtlEventEnvelope;
import io.resourcemanager.events.TtlExpired;
import io.resourcemanager.events.TtlWarning;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads {@code rm.ttl.events} from the beginning as any consumer of an exactly-once application does
 * ({@code read_committed}, every partition assigned, no group) on its own thread, and keeps the first
 * {@code TtlExpired} of each subject with the wall time the poll returned it. Repeats and warnings are
 * counted.
 */
final class TtlEventWatch implements AutoCloseable {

    private TopicTail<TtlEventEnvelope> tail;
    private final Map<String, Expiry> expiries = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final AtomicInteger repeatedExpiries = new AtomicInteger();
    private final AtomicInteger repeatedWarnings = new AtomicInteger();
    private final AtomicInteger otherEvents = new AtomicInteger();

    /** Starts reading every partition of {@code rm.ttl.events} from its beginning. */
    static TtlEventWatch start(String bootstrapServers, RegistrySettings registry) {
        TtlEventWatch watch = new TtlEventWatch();
        watch.tail = TopicTail.start(bootstrapServers, Topics.TTL_EVENTS.name(),
                Topics.TTL_EVENTS.valueSerde(registry).deserializer(), true, watch::take);
        return watch;
    }

    /** The first {@code TtlExpired} seen per subject. */
    Map<String, Expiry> expiries() {
        return Map.copyOf(expiries);
    }

    /** How many expired subjects among {@code subjects} were seen. */
    long expiredAmong(Set<String> subjects) {
        return subjects.stream().filter(expiries::containsKey).count();
    }

    /** Subjects a {@code TtlWarning} was seen for. */
    Set<String> warned() {
        return Set.copyOf(warned);
    }

    int repeatedExpiries() {
        return repeatedExpiries.get();
    }

    int repeatedWarnings() {
        return repeatedWarnings.get();
    }

    /** Events other than warnings and expiries (there should be none). */
    int otherEvents() {
        return otherEvents.get();
    }

    private void take(ConsumerRecord<String, TtlEventEnvelope> record, Instant received) {
        Object payload = record.value() == null ? null : record.value().getPayload();
        if (payload instanceof TtlExpired expired) {
            Expiry expiry = new Expiry(expired.getDeadline(), record.value().getHeader().getOccurredAt(), received,
                    expired.getReason());
            if (expiries.putIfAbsent(expired.getSubjectId(), expiry) != null) {
                repeatedExpiries.incrementAndGet();
            }
        } else if (payload instanceof TtlWarning warning) {
            if (!warned.add(warning.getSubjectId())) {
                repeatedWarnings.incrementAndGet();
            }
        } else {
            otherEvents.incrementAndGet();
        }
    }

    @Override
    public void close() throws InterruptedException {
        tail.close();
    }

    /**
     * One expiry as seen.
     *
     * @param deadline the deadline the event names
     * @param occurredAt the event's header {@code occurred_at}: when the service produced it
     * @param received when the poll that returned it came back
     * @param reason why it expired
     */
    record Expiry(Instant deadline, Instant occurredAt, Instant received, ExpiryReason reason) {
    }
}
