package io.resourcemanager.health.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.resourcemanager.events.HealthEventEnvelope;
import io.resourcemanager.events.RepairFailed;
import io.resourcemanager.events.RepairNeeded;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.SimulatedClusterContract;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.testkit.RecordCollector;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The whole health service on a real broker and the simulated cluster: two of the three permanent workers
 * fail at once; the pool's budget (20 %, at least one node) lets one repair run at a time, and the other
 * node is repaired only once the first repair was answered.
 */
@MicronautTest
class NodeRepairBudgetIT extends SimulatedClusterContract {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> FAILING = List.of("worker-permanent-001", "worker-permanent-003");

    @Inject
    EventPublisher publisher;

    @Override
    protected Map<String, String> serviceProperties() {
        return Map.of("rm.health.check-interval", "1s",
                "rm.health.repair.not-ready-restart", "1s",
                "rm.health.repair.not-ready-reboot", "10m",
                "rm.health.repair.tick", "300ms");
    }

    @Test
    void shouldRepairNoMoreThanThePoolsBudgetWhenMostOfThePoolFails() throws Exception {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        Instant started = Instant.now();
        try (RecordCollector<String, HealthEventEnvelope> health = RecordCollector.start(env.bootstrapServers(),
                List.of(Topics.HEALTH_EVENTS.name()), new StringDeserializer(),
                Topics.HEALTH_EVENTS.valueSerde(RegistrySettings.atBaseAddress(env.registryBaseUrl())).deserializer())) {
            powerVm(100, "stop");
            powerVm(102, "stop");

            Awaitility.await().atMost(WAIT).until(() -> repairs(health, started).size() == 1);
            Awaitility.await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                    .until(() -> repairs(health, started).size() == 1);
            RepairNeeded first = repairs(health, started).get(0);
            publisher.publish(Topics.HEALTH_EVENTS, first.getNode(), HealthEventEnvelope.newBuilder()
                    .setHeader(Events.header()).setPayload(RepairFailed.newBuilder().setRepairId(first.getRepairId())
                            .setNode(first.getNode()).setLevel(first.getLevel()).setReason("no effect").build())
                    .build()).get();

            Awaitility.await().atMost(WAIT).until(() -> repairs(health, started).size() == 2);
            assertThat(repairs(health, started)).extracting(RepairNeeded::getNode)
                    .containsExactlyInAnyOrderElementsOf(FAILING);
        }
    }

    private static List<RepairNeeded> repairs(RecordCollector<String, HealthEventEnvelope> health, Instant since) {
        return health.records().stream()
                .filter(r -> r.value().getPayload() instanceof RepairNeeded && r.timestamp() >= since.toEpochMilli())
                .map(r -> (RepairNeeded) r.value().getPayload())
                .filter(repair -> FAILING.contains(repair.getNode()))
                .toList();
    }
}
