package io.resourcemanager.ttl.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.resourcemanager.events.TtlEventEnvelope;
import io.resourcemanager.events.TtlExpired;
import io.resourcemanager.events.TtlWarning;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.KafkaProperties;
import io.resourcemanager.kafka.RegistryEventSerdes;
import io.resourcemanager.kafka.StreamsApp;
import io.resourcemanager.kafka.TopicCreator;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.testkit.RecordCollector;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import io.resourcemanager.ttl.config.TtlProperties;
import io.resourcemanager.ttl.domain.Countdowns;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * On the real broker: the TTL app stops mid-countdown (after the warning, before the deadline) and a new
 * instance with an empty state directory restores the countdowns from the changelog; each allocation
 * then expires exactly once and is not warned again.
 */
class CountdownRecoveryIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final KafkaTestEnvironment env = KafkaTestEnvironment.get();
    private final RegistrySettings registry = RegistrySettings.atBaseAddress(env.registryBaseUrl());

    @Test
    void shouldExpireExactlyOnceAfterARestartFromTheChangelog() throws Exception {
        TopicCreator.ensure(env.admin(), Topics.all(), (short) 1);
        String applicationId = env.uniqueName("ttl-recovery");
        String prefix = env.uniqueName("alloc");
        List<String> allocations = List.of(prefix + "-a", prefix + "-b", prefix + "-c");
        TtlProperties settings = new TtlProperties(Duration.ofSeconds(4), Duration.ZERO, Duration.ofHours(2), 3,
                Duration.ofHours(12), 0.05, Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofHours(24),
                Duration.ofMillis(100), 1000, Duration.ofSeconds(10));
        try (RecordCollector<String, TtlEventEnvelope> ttlEvents = RecordCollector.start(env.bootstrapServers(),
                List.of(Topics.TTL_EVENTS.name()), Topics.TTL_EVENTS.keySerde().deserializer(),
                Topics.TTL_EVENTS.valueSerde(registry).deserializer());
             EventPublisher publisher = EventPublisher.connect(env.bootstrapServers(), registry, "tests")) {
            Instant activated = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            try (StreamsApp first = start(applicationId, settings)) {
                for (String allocation : allocations) {
                    publisher.publish(Topics.ALLOCATION_EVENTS, allocation, Events.allocationGranted(allocation, activated, 12)).get();
                }
                Awaitility.await().atMost(WAIT).until(() -> count(ttlEvents, prefix, TtlWarning.class) == 3);
            }
            assertThat(count(ttlEvents, prefix, TtlExpired.class)).isZero();

            try (StreamsApp second = start(applicationId, settings)) {
                Awaitility.await().atMost(WAIT).until(() -> count(ttlEvents, prefix, TtlExpired.class) == 3);
                Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                        .until(() -> count(ttlEvents, prefix, TtlExpired.class) == 3
                                && count(ttlEvents, prefix, TtlWarning.class) == 3);
            }
        }
    }

    private StreamsApp start(String applicationId, TtlProperties settings) throws Exception {
        KafkaProperties kafka = new KafkaProperties(env.bootstrapServers(),
                Files.createTempDirectory("ttl-state").toString(), Duration.ofSeconds(3), (short) 1, false,
                Duration.ofSeconds(10));
        DeadlineTopology topology = new DeadlineTopology(new Countdowns(settings.policy()), settings,
                Clock.systemUTC(), new SimpleMeterRegistry());
        StreamsApp app = StreamsApp.start(applicationId,
                topology.build(new StreamsBuilder(), new RegistryEventSerdes(registry)), kafka);
        Awaitility.await().atMost(WAIT).until(() -> app.state() == KafkaStreams.State.RUNNING);
        return app;
    }

    private static long count(RecordCollector<String, TtlEventEnvelope> events, String prefix, Class<?> type) {
        return events.records().stream()
                .filter(record -> record.key() != null && record.key().startsWith(prefix))
                .filter(record -> type.isInstance(record.value().getPayload()))
                .count();
    }

}
