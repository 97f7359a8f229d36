package io.resourcemanager.health.adapter;

import io.resourcemanager.events.HealthEventEnvelope;
import io.resourcemanager.kafka.CatalogueTopics;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;

/** Publishes node health changes on {@code rm.health.events}, keyed by node name. */
@Singleton
final class KafkaHealthChangePublisher implements HealthChangePublisher {

    private final EventPublisher publisher;

    KafkaHealthChangePublisher(EventPublisher publisher, CatalogueTopics topics) {
        this.publisher = publisher;
    }

    @Override
    public CompletableFuture<?> publish(String node, HealthEventEnvelope event) {
        return publisher.publish(Topics.HEALTH_EVENTS, node, event);
    }
}
