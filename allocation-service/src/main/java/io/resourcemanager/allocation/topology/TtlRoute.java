package io.resourcemanager.allocation.topology;

import io.resourcemanager.events.AllocationDeadlineExtended;
import io.resourcemanager.events.AllocationExpiryRequested;
import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.events.AllocationState;
import io.resourcemanager.events.SubjectType;
import io.resourcemanager.events.TtlEventEnvelope;
import io.resourcemanager.events.TtlExpired;
import io.resourcemanager.events.TtlExtended;
import io.resourcemanager.kafka.EventSerdes;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.topics.Topics;
import java.time.Clock;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns the TTL service's decisions about an allocation into requests on its cluster's partition of
 * {@code rm.allocation.requests}, so the ledger applies them in order with everything else:
 * {@code TtlExpired} becomes {@code AllocationExpiryRequested}, {@code TtlExtended} becomes
 * {@code AllocationDeadlineExtended}. Each request id derives from the TTL event's id, so a redelivered
 * event is recognisable; applying one twice changes nothing anyway (the ledger expires only an active,
 * due allocation and extends only to a later deadline). Other TTL events and other subjects are skipped.
 */
final class TtlRoute {

    /** Cluster of every allocation, by allocation id (co-partitioned with {@code rm.ttl.events}). */
    static final String ALLOCATION_CLUSTERS_STORE = "allocation-clusters";
    private static final String PRODUCER = "allocation-service";

    private TtlRoute() {
    }

    static void addTo(StreamsBuilder builder, EventSerdes serdes, Clock clock) {
        KTable<String, String> clusters = builder.table(Topics.ALLOCATIONS.name(),
                        Consumed.with(Topics.ALLOCATIONS.keySerde(), serdes.forTopic(Topics.ALLOCATIONS)))
                .mapValues(AllocationState::getCluster,
                        Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(ALLOCATION_CLUSTERS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()));
        builder.stream(Topics.TTL_EVENTS.name(), Consumed.with(Topics.TTL_EVENTS.keySerde(), serdes.forTopic(Topics.TTL_EVENTS)))
                .mapValues(event -> request(event, clock))
                .filter((allocationId, request) -> request != null)
                .join(clusters, (request, cluster) -> new Routed(cluster, request))
                .map((allocationId, routed) -> KeyValue.pair(routed.cluster(), routed.request()))
                .to(Topics.ALLOCATION_REQUESTS.name(),
                        Produced.with(Topics.ALLOCATION_REQUESTS.keySerde(), serdes.forTopic(Topics.ALLOCATION_REQUESTS)));
    }

    /** The ledger request a TTL event about an allocation asks for, or null if it asks for none. */
    private static AllocationRequestEnvelope request(TtlEventEnvelope event, Clock clock) {
        Object payload = event == null ? null : payload(event);
        return payload == null ? null : AllocationRequestEnvelope.newBuilder()
                .setHeader(EventHeaders.causedBy(event.getHeader(), PRODUCER, clock))
                .setPayload(payload)
                .build();
    }

    private static Object payload(TtlEventEnvelope event) {
        UUID eventId = event.getHeader().getEventId();
        if (event.getPayload() instanceof TtlExpired expired && expired.getSubjectType() == SubjectType.ALLOCATION) {
            return AllocationExpiryRequested.newBuilder()
                    .setRequestId("expiry-" + eventId)
                    .setAllocationId(expired.getSubjectId())
                    .build();
        }
        if (event.getPayload() instanceof TtlExtended extended && extended.getSubjectType() == SubjectType.ALLOCATION) {
            return AllocationDeadlineExtended.newBuilder()
                    .setRequestId("extension-" + eventId)
                    .setAllocationId(extended.getSubjectId())
                    .setDeadline(extended.getNewDeadline())
                    .build();
        }
        return null;
    }

    private record Routed(String cluster, AllocationRequestEnvelope request) {
    }
}
