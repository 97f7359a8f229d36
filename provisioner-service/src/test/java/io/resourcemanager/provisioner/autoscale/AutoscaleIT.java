package io.resourcemanager.provisioner.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.resourcemanager.events.AllocationStatus;
import io.resourcemanager.events.ProvisionWorkers;
import io.resourcemanager.events.ProvisioningCommandEnvelope;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The autoscaler on a real broker: queued allocations written to {@code rm.allocations} reach the
 * demand view, and once the demand has held, a {@code ProvisionWorkers} for the default pool appears
 * on {@code rm.provisioning.commands}.
 */
@MicronautTest
class AutoscaleIT extends SimulatedClusterContract {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EventPublisher publisher;

    @Override
    protected Map<String, String> serviceProperties() {
        // cooldowns count from any saga of the pool; other test classes on this broker may have left recent ones
        return Map.of("rm.provisioner.autoscale.demand-for", "2s", "rm.inventory.interval", "500ms",
                "rm.provisioner.autoscale.up-cooldown", "1s", "rm.provisioner.autoscale.down-cooldown", "1s");
    }

    @Test
    void shouldAskForBurstWorkersOnceQueuedAllocationsHeld() throws Exception {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        RegistrySettings registry = RegistrySettings.atBaseAddress(env.registryBaseUrl());
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> "alloc-it-" + UUID.randomUUID()).toList();
        try (RecordCollector<String, ProvisioningCommandEnvelope> commands = RecordCollector.start(
                env.bootstrapServers(), List.of(Topics.PROVISIONING_COMMANDS.name()), new StringDeserializer(),
                Topics.PROVISIONING_COMMANDS.valueSerde(registry).deserializer())) {
            for (String id : ids) {
                publisher.publish(Topics.ALLOCATIONS, id, Allocations.queued(id, null)).get(10, TimeUnit.SECONDS);
            }

            ProvisionWorkers provision = (ProvisionWorkers) commands.awaitRecord(record ->
                    record.value().getPayload() instanceof ProvisionWorkers command
                            && command.getCommandId().startsWith("autoscale-burst-up-"), WAIT).value().getPayload();

            assertThat(provision.getPool()).isEqualTo("burst");
            assertThat(provision.getTemplate()).isEqualTo("medium");
            assertThat(provision.getCount()).isPositive();
            assertThat(provision.getReason()).startsWith("autoscale: queued demand of ");
        } finally {
            for (String id : ids) {
                publisher.publish(Topics.ALLOCATIONS, id,
                        Allocations.state(id, AllocationStatus.FAILED, null, Events.T0)).get(10, TimeUnit.SECONDS);
            }
        }
    }
}
