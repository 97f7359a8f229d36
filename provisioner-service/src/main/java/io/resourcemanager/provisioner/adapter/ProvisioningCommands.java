package io.resourcemanager.provisioner.adapter;

import io.micronaut.context.annotation.Value;
import io.resourcemanager.events.DecommissionWorker;
import io.resourcemanager.events.ProvisionWorkers;
import io.resourcemanager.events.ProvisioningCommandEnvelope;
import io.resourcemanager.events.ReclaimWorker;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Publishes commands on {@code rm.provisioning.commands} and returns once Kafka acknowledged them, so
 * a request answered "accepted" survives any restart. The API also starts the sagas of its own
 * commands at once (saga ids derive from the command, so the listener's later delivery is a no-op):
 * the next request then already sees them.
 */
@Singleton
public final class ProvisioningCommands {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final EventPublisher publisher;
    private final Clock clock;
    private final String producer;

    ProvisioningCommands(EventPublisher publisher, Clock clock, @Value("${micronaut.application.name}") String producer) {
        this.publisher = publisher;
        this.clock = clock;
        this.producer = producer;
    }

    /** Records a request for {@code count} new workers; returns the command as published. */
    public ProvisionWorkers provision(String pool, String template, int count, Integer ttlHours, String reason) {
        return provision(newId(), pool, template, count, ttlHours, reason);
    }

    /** Records a request for {@code count} new workers under a given command id (the same id twice is harmless). */
    public ProvisionWorkers provision(String commandId, String pool, String template, int count, Integer ttlHours,
                                      String reason) {
        ProvisionWorkers command = ProvisionWorkers.newBuilder().setCommandId(commandId).setPool(pool)
                .setTemplate(template).setCount(count).setTtlHours(ttlHours).setReason(reason).build();
        send(pool, command);
        return command;
    }

    /** Records a request to remove one worker; returns the command as published. */
    public DecommissionWorker decommission(String pool, String node, boolean force, String reason) {
        return decommission(newId(), pool, node, force, reason);
    }

    /** Records a request to remove one worker under a given command id (the same id twice is harmless). */
    public DecommissionWorker decommission(String commandId, String pool, String node, boolean force, String reason) {
        DecommissionWorker command = DecommissionWorker.newBuilder().setCommandId(commandId).setPool(pool).setNode(node)
                .setForce(force).setReason(reason).build();
        send(pool, command);
        return command;
    }

    /** Announces that a preemptible worker is being taken back; returns the command id. */
    public String reclaim(String pool, String node, long graceSeconds, String reason) {
        String commandId = newId();
        send(pool, ReclaimWorker.newBuilder().setCommandId(commandId).setPool(pool).setNode(node)
                .setGraceSeconds(graceSeconds).setReason(reason).build());
        return commandId;
    }

    private void send(String pool, Object payload) {
        ProvisioningCommandEnvelope command = ProvisioningCommandEnvelope.newBuilder()
                .setHeader(EventHeaders.first(producer, clock)).setPayload(payload).build();
        try {
            publisher.publish(Topics.PROVISIONING_COMMANDS, pool, command).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing a command", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the command", e);
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
