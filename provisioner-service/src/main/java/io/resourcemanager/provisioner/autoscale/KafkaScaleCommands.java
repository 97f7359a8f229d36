package io.resourcemanager.provisioner.autoscale;

import io.micronaut.context.annotation.Value;
import io.resourcemanager.events.DecommissionWorker;
import io.resourcemanager.events.ProvisionWorkers;
import io.resourcemanager.events.ProvisioningCommandEnvelope;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link ScaleCommands} as {@code ProvisionWorkers} and {@code DecommissionWorker} on
 * {@code rm.provisioning.commands}, keyed by pool, each with a fresh header; returns once Kafka
 * acknowledged the command.
 */
@Singleton
final class KafkaScaleCommands implements ScaleCommands {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final EventPublisher publisher;
    private final Clock clock;
    private final String producer;

    KafkaScaleCommands(EventPublisher publisher, Clock clock, @Value("${micronaut.application.name}") String producer) {
        this.publisher = publisher;
        this.clock = clock;
        this.producer = producer;
    }

    @Override
    public void provision(String commandId, String pool, String template, int count, Integer ttlHours, String reason) {
        send(pool, ProvisionWorkers.newBuilder().setCommandId(commandId).setPool(pool).setTemplate(template)
                .setCount(count).setTtlHours(ttlHours).setReason(reason).build());
    }

    @Override
    public void decommission(String commandId, String pool, String node, String reason) {
        send(pool, DecommissionWorker.newBuilder().setCommandId(commandId).setPool(pool).setNode(node).setForce(false)
                .setReason(reason).build());
    }

    private void send(String pool, Object payload) {
        ProvisioningCommandEnvelope command = ProvisioningCommandEnvelope.newBuilder()
                .setHeader(EventHeaders.first(producer, clock)).setPayload(payload).build();
        try {
            publisher.publish(Topics.PROVISIONING_COMMANDS, pool, command)
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending an autoscaler command", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the autoscaler command for pool " + pool, e);
        }
    }
}
