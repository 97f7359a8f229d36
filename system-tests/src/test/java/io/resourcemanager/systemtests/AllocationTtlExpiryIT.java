package io.resourcemanager.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.allocation.topology.LedgerTopology;
import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationExpired;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.events.AllocationRequested;
import io.resourcemanager.events.ExpiryReason;
import io.resourcemanager.events.OnInsufficient;
import io.resourcemanager.events.Priority;
import io.resourcemanager.events.SubjectType;
import io.resourcemanager.events.TtlEventEnvelope;
import io.resourcemanager.events.TtlExpired;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.TopicCreator;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.testkit.RecordCollector;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topic;
import io.resourcemanager.topics.Topics;
import io.resourcemanager.ttl.config.TtlProperties;
import io.resourcemanager.ttl.domain.Countdowns;
import io.resourcemanager.ttl.topology.DeadlineTopology;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TTL of an allocation, end to end on a real broker and registry, in real time: the allocation
 * service's ledger grants an allocation with a 5 s TTL, the TTL service's countdowns announce
 * {@code TtlExpired} at the deadline, and the ledger turns it into {@code AllocationExpired}, which a
 * consumer of {@code rm.allocation.events} receives within 2 s of the deadline, once.
 */
class AllocationTtlExpiryIT {

    private static final Logger LOG = LoggerFactory.getLogger(AllocationTtlExpiryIT.class);
    private static final Clock CLOCK = Clock.systemUTC();
    private static final long TTL_SECONDS = 5;
    private static final Duration TTL = Duration.ofSeconds(TTL_SECONDS);
    private static final Duration ALLOWED_LATENESS = Duration.ofSeconds(2);
    private static final Duration WARM_UP = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration RECEIPT_POLL = Duration.ofMillis(10);
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final KafkaTestEnvironment env = KafkaTestEnvironment.get();
    private final RegistrySettings registry = RegistrySettings.atBaseAddress(env.registryBaseUrl());

    @TempDir
    Path stateDir;

    @Test
    void shouldExpireAnAllocationOnceWithinTwoSecondsOfItsDeadline() throws Exception {
        TopicCreator.ensure(env.admin(), Topics.all(), (short) 1);
        String cluster = env.uniqueName("ttl-cluster");
        String node = cluster + "-node-1";
        String allocationId = env.uniqueName("ttl-allocation");
        TtlProperties ttl = TtlProperties.defaults();
        try (RunningTopologies services = RunningTopologies.start(env, stateDir,
                        new LedgerTopology(LedgerSettings.defaults(), CLOCK),
                        new DeadlineTopology(new Countdowns(ttl.policy()), ttl, CLOCK, new SimpleMeterRegistry()))
                .awaitRunning(WARM_UP);
             EventPublisher publisher = EventPublisher.connect(env.bootstrapServers(), registry, "system-tests");
             RecordCollector<String, AllocationEventEnvelope> allocationTopic = collect(Topics.ALLOCATION_EVENTS);
             RecordCollector<String, TtlEventEnvelope> ttlTopic = collect(Topics.TTL_EVENTS)) {
            publisher.publish(Topics.NODES, node, Events.node(node, cluster, 4_000, 8_192))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            services.awaitLedgerKnows(node, WAIT);
            publisher.publish(Topics.ALLOCATION_REQUESTS, cluster, request(cluster, allocationId))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);

            AllocationEventEnvelope decided = allocationTopic.awaitRecord(r -> allocationId.equals(r.key()), WAIT).value();
            Object decision = decided.getPayload();
            assertThat(decision).as("the ledger's decision on %s", allocationId).isInstanceOf(AllocationGranted.class);
            AllocationGranted granted = (AllocationGranted) decision;
            assertThat(granted.getTtlSeconds()).isEqualTo(TTL_SECONDS);
            Instant deadline = granted.getActivatedAt().plus(TTL);

            AllocationEventEnvelope expiredEvent = await("AllocationExpired of " + allocationId).atMost(WAIT)
                    .pollDelay(Duration.ZERO).pollInterval(RECEIPT_POLL)
                    .until(() -> allocationEvents(allocationTopic, allocationId, AllocationExpired.class),
                            found -> !found.isEmpty())
                    .get(0);
            Instant receivedBy = CLOCK.instant(); // at most one poll interval after the collector received it
            AllocationExpired expired = (AllocationExpired) expiredEvent.getPayload();

            Duration expiryLateness = Duration.between(deadline, expired.getExpiredAt());
            Duration receiptLateness = Duration.between(deadline, receivedBy);
            LOG.info("Allocation {}: deadline {}, expired_at {} ({} ms late), received by {} ({} ms late)", allocationId,
                    deadline, expired.getExpiredAt(), expiryLateness.toMillis(), receivedBy, receiptLateness.toMillis());
            assertThat(expired.getDeadline()).as("deadline in AllocationExpired").isEqualTo(deadline);
            assertThat(expiryLateness).as("expired_at - (activated_at + ttl)").isBetween(Duration.ZERO, ALLOWED_LATENESS);
            assertThat(receiptLateness).as("receipt - (activated_at + ttl)").isBetween(Duration.ZERO, ALLOWED_LATENESS);

            TtlEventEnvelope ttlExpired = ttlTopic.awaitRecord(
                    r -> allocationId.equals(r.key()) && r.value().getPayload() instanceof TtlExpired, WAIT).value();
            TtlExpired announced = (TtlExpired) ttlExpired.getPayload();
            assertThat(announced.getSubjectType()).isEqualTo(SubjectType.ALLOCATION);
            assertThat(announced.getReason()).isEqualTo(ExpiryReason.DEADLINE);
            assertThat(announced.getDeadline()).as("deadline in TtlExpired").isEqualTo(deadline);
            assertThat(List.of(ttlExpired.getHeader().getCorrelationId(), expiredEvent.getHeader().getCorrelationId()))
                    .as("TtlExpired and AllocationExpired continue the flow of the request")
                    .containsOnly(decided.getHeader().getCorrelationId());

            await("no second expiry of " + allocationId).during(QUIET).atMost(QUIET.plus(WAIT))
                    .until(() -> allocationEvents(allocationTopic, allocationId, AllocationExpired.class).size() == 1
                            && ttlEvents(ttlTopic, allocationId, TtlExpired.class).size() == 1);
            assertThat(allocationEvents(allocationTopic, allocationId, AllocationExpired.class)).hasSize(1);
            assertThat(ttlEvents(ttlTopic, allocationId, TtlExpired.class)).hasSize(1);
        }
    }

    private static AllocationRequestEnvelope request(String cluster, String allocationId) {
        return AllocationRequestEnvelope.newBuilder()
                .setHeader(EventHeaders.first("system-tests", CLOCK))
                .setPayload(AllocationRequested.newBuilder()
                        .setRequestId(allocationId + "-request")
                        .setAllocationId(allocationId)
                        .setCluster(cluster)
                        .setJobId(allocationId + "-job")
                        .setMcpServers(List.of("filesystem"))
                        .setWorkers(1)
                        .setPriority(Priority.NORMAL)
                        .setTtlSeconds(TTL_SECONDS)
                        .setMetadata(Map.of())
                        .setOnInsufficient(OnInsufficient.FAIL)
                        .build())
                .build();
    }

    private <V> RecordCollector<String, V> collect(Topic<V> topic) {
        return RecordCollector.start(env.bootstrapServers(), List.of(topic.name()), new StringDeserializer(),
                topic.valueSerde(registry).deserializer());
    }

    /** Events of {@code rm.allocation.events} about {@code allocationId} whose payload is a {@code type}. */
    private static List<AllocationEventEnvelope> allocationEvents(RecordCollector<String, AllocationEventEnvelope> events,
                                                                  String allocationId, Class<?> type) {
        return about(events, allocationId, AllocationEventEnvelope::getPayload, type);
    }

    /** Events of {@code rm.ttl.events} about {@code subjectId} whose payload is a {@code type}. */
    private static List<TtlEventEnvelope> ttlEvents(RecordCollector<String, TtlEventEnvelope> events, String subjectId,
                                                    Class<?> type) {
        return about(events, subjectId, TtlEventEnvelope::getPayload, type);
    }

    private static <V> List<V> about(RecordCollector<String, V> events, String key, Function<V, Object> payload,
                                     Class<?> type) {
        return events.records().stream()
                .filter(record -> key.equals(record.key()))
                .map(ConsumerRecord::value)
                .filter(value -> type.isInstance(payload.apply(value)))
                .toList();
    }
}
