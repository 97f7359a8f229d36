package io.resourcemanager.topics;

import io.resourcemanager.events.EventHeader;
import java.time.Clock;
import java.util.UUID;

/** Builds the common header every event carries. */
public final class EventHeaders {

    private EventHeaders() {
    }

    /** A header for the first event of a flow: its correlation id is its own event id. */
    public static EventHeader first(String producer, Clock clock) {
        UUID id = UUID.randomUUID();
        return EventHeader.newBuilder()
                .setEventId(id)
                .setOccurredAt(clock.instant())
                .setCorrelationId(id.toString())
                .setCausationId(null)
                .setProducer(producer)
                .build();
    }

    /**
     * A header for an event of the flow {@code correlationId} that no single event caused (a timer fired):
     * no causation; a null correlation id starts a new flow.
     */
    public static EventHeader inFlow(String correlationId, String producer, Clock clock) {
        EventHeader first = first(producer, clock);
        if (correlationId != null) {
            first.setCorrelationId(correlationId);
        }
        return first;
    }

    /** A header for an event caused by {@code cause}: same correlation id, causation = cause's event id. */
    public static EventHeader causedBy(EventHeader cause, String producer, Clock clock) {
        return EventHeader.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setCorrelationId(cause.getCorrelationId())
                .setCausationId(cause.getEventId().toString())
                .setProducer(producer)
                .build();
    }
}
