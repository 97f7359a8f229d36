package io.resourcemanager.allocation.topology;

import io.resourcemanager.events.AllocationExpiryRequested;
import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.events.AllocationState;
import io.resourcemanager.events.SubjectType;
import io.resourcemanager.events.TtlExpired;
import io.resourcemanager.kafka.EventSerdes;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.topics.Topics;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns the TTL service's {@code TtlExpired} for an allocation into an {@code AllocationExpiryRequested}
 * on its cluster's partition of {@code rm.allocation.requests}, so the ledger expires it in order with
 * everything else (once: the ledger ignores an allocation that is no longer active or not yet due).
 */
final class TtlExpiryRoute {

    /** Cluster of every allocation, by allocation id (co-partitioned with {@code rm.ttl.events}). */
    static final String ALLOCATION_CLUSTERS_STORE = "allocation-clusters";
    private static final String PRODUCER = "allocation-service";

    private TtlExpiryRoute() {
    }

    static void addTo(StreamsBuilder builder, EventSerdes serdes, Clock clock) {
        KTable<String, String> clusters = builder.table(Topics.ALLOCATIONS.name(),
                        Consumed.with(Topics.ALLOCATIONS.keySerde(), serdes.forTopic(Topics.ALLOCATIONS)))
                .mapValues(AllocationState::getCluster,
                        Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(ALLOCATION_CLUSTERS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()));
        builder.stream(Topics.TTL_EVENTS.name(), Consumed.with(Topics.TTL_EVENTS.keySerde(), serdes.forTopic(Topics.TTL_EVENTS)))
                .filter((subject, event) -> event != null && event.getPayload() instanceof TtlExpired expired
                        && expired.getSubjectType() == SubjectType.ALLOCATION)
                .join(clusters, (event, cluster) -> new Routed(cluster, AllocationRequestEnvelope.newBuilder()
                        .setHeader(EventHeaders.causedBy(event.getHeader(), PRODUCER, clock))
                        .setPayload(AllocationExpiryRequested.newBuilder()
                                .setRequestId("expiry-" + event.getHeader().getEventId())
                                .setAllocationId(((TtlExpired) event.getPayload()).getSubjectId())
                                .build())
                        .build()))
                .map((allocationId, routed) -> org.apache.kafka.streams.KeyValue.pair(routed.cluster(), routed.request()))
                .to(Topics.ALLOCATION_REQUESTS.name(),
                        Produced.with(Topics.ALLOCATION_REQUESTS.keySerde(), serdes.forTopic(Topics.ALLOCATION_REQUESTS)));
    }

    private record Routed(String cluster, AllocationRequestEnvelope request) {
    }
}
