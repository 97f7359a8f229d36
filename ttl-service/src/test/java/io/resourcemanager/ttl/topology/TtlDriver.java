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
import io.resourcemanager.kafka.testing.Changelogs;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.MutableClock;
import io.resourcemanager.kafka.testing.PlainAvroSerdes;
import io.resourcemanager.state.TrackedDeadline;
import io.resourcemanager.topics.Topic;
import io.resourcemanager.topics.Topics;
import io.resourcemanager.ttl.config.TtlProperties;
import io.resourcemanager.ttl.domain.Countdowns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The deadline topology in a TopologyTestDriver whose wall clock and the topology's clock move together. */
final class TtlDriver implements AutoCloseable {

    static final String APPLICATION_ID = "ttl-test";
    private static final Resources NONE = Resources.newBuilder().setCpuMillis(0).setMemoryMb(0).build();

    final MutableClock clock;
    final TopologyTestDriver driver;
    final PlainAvroSerdes serdes = new PlainAvroSerdes();
    private final TestOutputTopic<String, TtlEventEnvelope> ttlEvents;

    TtlDriver(Instant start) {
        this(start, TtlProperties.defaults());
    }

    TtlDriver(Instant start, TtlProperties settings) {
        clock = new MutableClock(start);
        DeadlineTopology topology = new DeadlineTopology(new Countdowns(settings.policy()), settings, clock,
                new SimpleMeterRegistry());
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory());
        driver = new TopologyTestDriver(topology.build(new StreamsBuilder(), serdes), config, start);
        ttlEvents = driver.createOutputTopic(Topics.TTL_EVENTS.name(), Topics.TTL_EVENTS.keySerde().deserializer(),
                serdes.forTopic(Topics.TTL_EVENTS).deserializer());
    }

    private static String stateDirectory() {
        try {
            return Files.createTempDirectory("ttl-driver").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves both clocks; punctuations due on the way fire. */
    void advance(Duration duration) {
        clock.advance(duration);
        driver.advanceWallClockTime(duration);
    }

    /** Moves both clocks to {@code instant}. */
    void advanceTo(Instant instant) {
        advance(Duration.between(clock.instant(), instant));
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
        return Changelogs.latest(driver, APPLICATION_ID, store, values);
    }

    /** Fills a store as a restore from its changelog would. */
    <V> void restore(String store, Map<String, V> contents) {
        Changelogs.restore(driver, store, contents);
    }

    <V> void pipe(Topic<V> topic, String key, V value) {
        TestInputTopic<String, V> input = driver.createInputTopic(topic.name(), topic.keySerde().serializer(),
                serdes.forTopic(topic).serializer());
        input.pipeInput(key, value, clock.instant());
    }

    @Override
    public void close() {
        driver.close();
    }
}
