package io.resourcemanager.provisioner.reconcile;

import io.micronaut.context.annotation.Value;
import io.resourcemanager.events.ProvisioningEventEnvelope;
import io.resourcemanager.events.ReconcileActionTaken;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes reconcile actions on {@code rm.provisioning.events}, keyed by worker, each starting its own flow. */
@Singleton
final class KafkaReconcileEvents implements ReconcileEvents {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final EventPublisher publisher;
    private final Clock clock;
    private final String producer;

    KafkaReconcileEvents(EventPublisher publisher, Clock clock,
                         @Value("${micronaut.application.name}") String producer) {
        this.publisher = publisher;
        this.clock = clock;
        this.producer = producer;
    }

    @Override
    public void publish(ReconcileActionTaken event) {
        ProvisioningEventEnvelope envelope = ProvisioningEventEnvelope.newBuilder()
                .setHeader(EventHeaders.first(producer, clock))
                .setPayload(event)
                .build();
        try {
            publisher.publish(Topics.PROVISIONING_EVENTS, event.getWorker(), envelope)
                    .get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing a reconcile action", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the reconcile action on "
                    + event.getWorker(), e);
        }
    }
}
