package io.resourcemanager.health.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.resourcemanager.events.HealthEventEnvelope;
import io.resourcemanager.events.NodeHealth;
import io.resourcemanager.events.NodeHealthChanged;
import io.resourcemanager.events.RepairCompleted;
import io.resourcemanager.events.RepairFailed;
import io.resourcemanager.events.RepairLevel;
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
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The whole health service on a real broker and the simulated cluster, the test playing the provisioner:
 * a worker whose VM stops walks the ladder (kubelet restart, which does not help, then a reboot, which
 * starts the VM again) and recovers; no further rung is asked for.
 */
@MicronautTest
class NodeRepairIT extends SimulatedClusterContract {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NODE = "worker-permanent-002";
    private static final int VM = 101;

    @Inject
    EventPublisher publisher;

    @Override
    protected Map<String, String> serviceProperties() {
        return Map.of("rm.health.check-interval", "1s",
                "rm.health.repair.not-ready-restart", "1s",
                "rm.health.repair.not-ready-reboot", "3s",
                "rm.health.repair.not-ready-replace", "10m",
                "rm.health.repair.tick", "300ms",
                // Test classes of this JVM share rm.health.events: repairs other classes left unanswered on
                // the pool's other workers must not hold this one back (NodeRepairBudgetIT covers the budget).
                "rm.health.repair.pool-share", "1.0");
    }

    @Test
    void shouldWalkTheLadderOfAStoppedWorkerUntilItsRebootHealsIt() throws Exception {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        RegistrySettings registry = RegistrySettings.atBaseAddress(env.registryBaseUrl());
        try (RecordCollector<String, HealthEventEnvelope> health = RecordCollector.start(env.bootstrapServers(),
                List.of(Topics.HEALTH_EVENTS.name()), new StringDeserializer(),
                Topics.HEALTH_EVENTS.valueSerde(registry).deserializer())) {
            health.awaitRecord(r -> isHealth(r, NodeHealth.HEALTHY), WAIT);

            powerVm(VM, "stop");

            RepairNeeded restart = awaitRepair(health, RepairLevel.RESTART_KUBELET);
            assertThat(restart.getAttempt()).isEqualTo(1);
            answer(RepairFailed.newBuilder().setRepairId(restart.getRepairId()).setNode(NODE)
                    .setLevel(restart.getLevel()).setReason("the kubelet does not answer").build());
            RepairNeeded reboot = awaitRepair(health, RepairLevel.REBOOT);
            assertThat(reboot.getAttempt()).isEqualTo(2);
            powerVm(VM, "start");
            answer(RepairCompleted.newBuilder().setRepairId(reboot.getRepairId()).setNode(NODE)
                    .setLevel(reboot.getLevel()).build());

            health.awaitRecord(r -> isHealth(r, NodeHealth.HEALTHY)
                    && r.timestamp() > health.records().stream().filter(e -> isRepair(e, RepairLevel.REBOOT))
                    .mapToLong(ConsumerRecord::timestamp).max().orElseThrow(), WAIT);
            Awaitility.await().atMost(WAIT).untilAsserted(() ->
                    assertThat(nodeHealth(NODE)).containsEntry("health", "healthy").containsEntry("attempts", 2)
                            .containsEntry("current_rung", "reboot"));
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                    health.records().stream().filter(r -> r.value().getPayload() instanceof RepairNeeded
                            && NODE.equals(r.key())).count() == 2);
        }
        assertThat(statusOf("/node-health/no-such-node")).isEqualTo(404);
    }

    private RepairNeeded awaitRepair(RecordCollector<String, HealthEventEnvelope> health, RepairLevel level) {
        return (RepairNeeded) health.awaitRecord(r -> isRepair(r, level), WAIT).value().getPayload();
    }

    private void answer(Object payload) throws Exception {
        publisher.publish(Topics.HEALTH_EVENTS, NODE, HealthEventEnvelope.newBuilder().setHeader(Events.header())
                .setPayload(payload).build()).get();
    }

    private Map<String, Object> nodeHealth(String node) {
        return http.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/node-health/" + node),
                Argument.mapOf(String.class, Object.class));
    }

    private int statusOf(String path) {
        try {
            return http.toBlocking().exchange(io.micronaut.http.HttpRequest.GET(path)).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static boolean isHealth(ConsumerRecord<String, HealthEventEnvelope> record, NodeHealth health) {
        return record.value().getPayload() instanceof NodeHealthChanged changed && NODE.equals(changed.getNode())
                && changed.getHealth() == health;
    }

    private static boolean isRepair(ConsumerRecord<String, HealthEventEnvelope> record, RepairLevel level) {
        return record.value().getPayload() instanceof RepairNeeded repair && NODE.equals(repair.getNode())
                && repair.getLevel() == level;
    }
}
