package io.resourcemanager.health.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.resourcemanager.events.HealthEventEnvelope;
import io.resourcemanager.events.NodeHealth;
import io.resourcemanager.events.NodeHealthChanged;
import io.resourcemanager.kafka.testing.SimulatedClusterContract;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.testkit.RecordCollector;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The health service reports every worker's health, and a worker whose VM stops turns unhealthy. */
@MicronautTest
class HealthServiceIT extends SimulatedClusterContract {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Override
    protected Map<String, String> serviceProperties() {
        Map<String, String> service = new HashMap<>();
        service.put("rm.health.check-interval", "2s");
        return service;
    }

    @Test
    void shouldReportWorkersHealthyThenUnhealthyWhenTheirVmStops() throws Exception {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        RegistrySettings registry = RegistrySettings.atBaseAddress(env.registryBaseUrl());
        try (RecordCollector<String, HealthEventEnvelope> health = RecordCollector.start(env.bootstrapServers(),
                List.of(Topics.HEALTH_EVENTS.name()), new StringDeserializer(),
                Topics.HEALTH_EVENTS.valueSerde(registry).deserializer())) {
            for (String worker : List.of("worker-permanent-001", "worker-permanent-002", "worker-permanent-003")) {
                NodeHealthChanged changed = (NodeHealthChanged) health.awaitRecord(
                        r -> isChange(r.value(), worker, NodeHealth.HEALTHY), WAIT).value().getPayload();
                assertThat(changed.getPool()).isEqualTo("permanent");
                assertThat(changed.getConditions()).extracting(c -> c.getType()).contains("Ready");
            }

            powerVm(100, "stop");

            NodeHealthChanged unhealthy = (NodeHealthChanged) health.awaitRecord(
                    r -> isChange(r.value(), "worker-permanent-001", NodeHealth.UNHEALTHY), WAIT).value().getPayload();
            assertThat(unhealthy.getPreviousHealth()).isEqualTo(NodeHealth.HEALTHY);
        }
    }

    private static boolean isChange(HealthEventEnvelope event, String node, NodeHealth health) {
        return event.getPayload() instanceof NodeHealthChanged changed
                && changed.getNode().equals(node) && changed.getHealth() == health;
    }
}
