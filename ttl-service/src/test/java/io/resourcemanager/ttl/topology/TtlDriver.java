package io.resourcemanager.ttl.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationReleased;
import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.events.ExtensionRequested;
import io.resourcemanager.events.NodeActivity;
import io.resourcemanager.events.NodeJoined;
import io.resourcemanager.events.ProvisioningEventEnvelope;
import io.resourcemanager.events.Resources;
import io.resourcemanager.events.TtlEventEnvelope;
import io.resourcemanager.kafka.testing.ClockedDriver;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.MutableClock;
import io.resourcemanager.kafka.testing.PlainAvroSerdes;
import io.resourcemanager.state.TrackedDeadline;
import io.resourcemanager.topics.Topic;
import io.resourcemanager.topics.Topics;
import io.resourcemanager.ttl.config.TtlProperties;
import io.resourcemanager.ttl.domain.Countdowns;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The deadline topology in a TopologyTestDriver whose wall clock and the topology's clock move together. */
final class TtlDriver implements AutoCloseable {

    static final String APPLICATION_ID = "ttl-test";
    private static final Resources NONE = Resources.newBuilder().setCpuMillis(0).setMemoryMb(0).build();

    final MutableClock clock;
    final TopologyTestDriver driver;
    final PlainAvroSerdes serdes;
    private final ClockedDriver clocked;
    private final TestOutputTopic<String, TtlEventEnvelope> ttlEvents;

    TtlDriver(Instant start) {
        this(start, TtlProperties.defaults());
    }

    TtlDriver(Instant start, TtlProperties settings) {
        clocked = new ClockedDriver(APPLICATION_ID, start, clock -> new DeadlineTopology(
                new Countdowns(settings.policy()), settings, clock, new SimpleMeterRegistry()));
        clock = clocked.clock();
        driver = clocked.driver();
        serdes = clocked.serdes();
        ttlEvents = driver.createOutputTopic(Topics.TTL_EVENTS.name(), Topics.TTL_EVENTS.keySerde().deserializer(),
                serdes.forTopic(Topics.TTL_EVENTS).deserializer());
    }

    /** Moves both clocks; punctuations due on the way fire. */
    void advance(Duration duration) {
        clocked.advance(duration);
    }

    /** Moves both clocks to {@code instant}. */
    void advanceTo(Instant instant) {
        clocked.advanceTo(instant);
    }

    /** TTL events produced since the last call, payloads only. */
    List<Object> announced() {
        return envelopes().stream().map(TtlEventEnvelope::getPayload).toList();
    }

    /** TTL events produced since the last call, whole. */
    List<TtlEventEnvelope> envelopes() {
        return ttlEvents.readValuesToList();
    }

    KeyValueStore<String, TrackedDeadline> countdowns() {
        return driver.getKeyValueStore(DeadlineTopology.DEADLINES_STORE);
    }

    void granted(String allocationId, long ttlSeconds) {
        pipe(Topics.ALLOCATION_EVENTS, allocationId, Events.allocationGranted(allocationId, clock.instant(), ttlSeconds));
    }

    void released(String allocationId) {
        pipe(Topics.ALLOCATION_EVENTS, allocationId, AllocationEventEnvelope.newBuilder().setHeader(Events.header())
                .setPayload(AllocationReleased.newBuilder().setAllocationId(allocationId).setJobId("job-1")
                        .setFreed(NONE).setWorkersReleased(0).setReleasedAt(clock.instant()).setDurationSeconds(1).build())
                .build());
    }

    void joined(String worker, Duration ttl, Duration maxTtl) {
        Instant now = clock.instant();
        pipe(Topics.PROVISIONING_EVENTS, worker, ProvisioningEventEnvelope.newBuilder().setHeader(Events.header())
                .setPayload(NodeJoined.newBuilder().setWorker(worker).setPool("burst").setTemplate("small")
                        .setAllocatable(Events.medium()).setTtlDeadline(ttl == null ? null : now.plus(ttl))
                        .setTtlLimit(maxTtl == null ? null : now.plus(maxTtl)).setJoinedAt(now).build())
                .build());
    }

    /** An extension request keyed by capacity domain, as outside producers send it. */
    void extensionRequested(String requestId, String subject, Duration extension) {
        pipe(Topics.ALLOCATION_REQUESTS, "default", AllocationRequestEnvelope.newBuilder().setHeader(Events.header())
                .setPayload(ExtensionRequested.newBuilder().setRequestId(requestId).setSubjectId(subject)
                        .setExtensionSeconds(extension == null ? null : extension.toSeconds()).build())
                .build());
    }

    void sampled(String worker, double cpu, int workloadPods) {
        pipe(Topics.NODE_ACTIVITY, worker, NodeActivity.newBuilder().setHeader(Events.header()).setNode(worker)
                .setCpuFraction(cpu).setWorkloadPods(workloadPods).setSampledAt(clock.instant()).build());
    }

    /** The latest value per key the store's changelog holds (deleted keys left out): what a restart restores. */
    <V> Map<String, V> changelog(String store, Deserializer<V> values) {
        return clocked.changelog(store, values);
    }

    /** Fills a store as a restore from its changelog would. */
    <V> void restore(String store, Map<String, V> contents) {
        clocked.restore(store, contents);
    }

    <V> void pipe(Topic<V> topic, String key, V value) {
        clocked.pipe(topic, key, value);
    }

    @Override
    public void close() {
        clocked.close();
    }
}
