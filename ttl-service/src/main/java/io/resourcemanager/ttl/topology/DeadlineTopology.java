package io.resourcemanager.ttl.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.ExtensionRequested;
import io.resourcemanager.kafka.EventSerdes;
import io.resourcemanager.kafka.StreamsTopology;
import io.resourcemanager.state.TrackedDeadline;
import io.resourcemanager.topics.Topic;
import io.resourcemanager.topics.Topics;
import io.resourcemanager.ttl.config.TtlProperties;
import io.resourcemanager.ttl.domain.CountdownInput;
import io.resourcemanager.ttl.domain.Countdowns;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The countdowns of allocations and temporary workers: learned from {@code rm.allocation.events} and
 * {@code rm.provisioning.events}, extended by {@code ExtensionRequested} on {@code rm.allocation.requests}
 * (re-keyed by subject), watched for idleness through {@code rm.node.activity}; warnings, expiries and
 * extension outcomes go to {@code rm.ttl.events}. Every input is keyed by subject and co-partitioned,
 * so one task owns a subject's countdown and its entry in the deadline index.
 */
@Singleton
public final class DeadlineTopology implements StreamsTopology {

    /** Store of the countdown per subject id. */
    public static final String DEADLINES_STORE = "deadlines";

    private final Countdowns rules;
    private final TtlProperties settings;
    private final Clock clock;
    private final MeterRegistry meters;

    public DeadlineTopology(Countdowns rules, TtlProperties settings, Clock clock, MeterRegistry meters) {
        this.rules = rules;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public String name() {
        return "deadlines";
    }

    @Override
    public Topology build(StreamsBuilder builder, EventSerdes serdes) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEADLINES_STORE),
                Serdes.String(), serdes.forStore(TrackedDeadline.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DeadlineIndex.STORE),
                Serdes.String(), Serdes.String()));
        CountdownInputs inputs = new CountdownInputs(rules.policy());
        KStream<String, SourcedInput> allocations = inputs(builder, serdes, Topics.ALLOCATION_EVENTS,
                envelope -> sourced(envelope.getHeader(), inputs.fromAllocation(envelope.getPayload())));
        KStream<String, SourcedInput> workers = inputs(builder, serdes, Topics.PROVISIONING_EVENTS,
                envelope -> sourced(envelope.getHeader(), inputs.fromProvisioning(envelope.getPayload())));
        KStream<String, SourcedInput> activity = inputs(builder, serdes, Topics.NODE_ACTIVITY,
                sample -> sourced(sample.getHeader(), inputs.fromActivity(sample)));
        KStream<String, SourcedInput> extensions = extensionRequests(builder, serdes)
                .flatMapValues(envelope -> sourced(envelope.getHeader(), inputs.fromRequest(envelope.getPayload())));
        TtlMetrics metrics = new TtlMetrics(meters);
        allocations.merge(workers).merge(activity).merge(extensions)
                .process(() -> new CountdownProcessor(rules, clock, settings.tick(), settings.batch(), metrics),
                        Named.as("countdowns"), DEADLINES_STORE, DeadlineIndex.STORE)
                .to(Topics.TTL_EVENTS.name(), Produced.with(Topics.TTL_EVENTS.keySerde(), serdes.forTopic(Topics.TTL_EVENTS)));
        return builder.build();
    }

    private static <V> KStream<String, SourcedInput> inputs(StreamsBuilder builder, EventSerdes serdes, Topic<V> topic,
                                                            Function<V, List<SourcedInput>> meaning) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), serdes.forTopic(topic)))
                .filter((key, value) -> value != null)
                .flatMapValues(meaning::apply);
    }

    /** Extension requests travel keyed by capacity domain; re-keyed by subject they meet its countdown. */
    private static KStream<String, AllocationRequestEnvelope> extensionRequests(StreamsBuilder builder, EventSerdes serdes) {
        Topic<AllocationRequestEnvelope> topic = Topics.ALLOCATION_REQUESTS;
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), serdes.forTopic(topic)))
                .filter((key, envelope) -> envelope != null && envelope.getPayload() instanceof ExtensionRequested)
                .selectKey((key, envelope) -> ((ExtensionRequested) envelope.getPayload()).getSubjectId())
                .repartition(Repartitioned.with(topic.keySerde(), serdes.forTopic(topic))
                        .withName("extension-requests")
                        .withNumberOfPartitions(Topics.TTL_EVENTS.partitions()));
    }

    private static List<SourcedInput> sourced(EventHeader cause, List<CountdownInput> inputs) {
        return inputs.stream().map(input -> new SourcedInput(input, cause)).toList();
    }
}
