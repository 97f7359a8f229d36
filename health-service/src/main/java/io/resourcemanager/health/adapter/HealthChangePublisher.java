package io.resourcemanager.health.adapter;

import io.resourcemanager.events.HealthEventEnvelope;
import java.util.concurrent.CompletableFuture;

/** Where node health changes go (Kafka in the service, a recording fake in tests). */
interface HealthChangePublisher {

    /**
     * Publishes {@code event} keyed by {@code node}. The future completes when the event is stored and fails
     * when it is not; a failed change is published again at the next observation of the node.
     */
    CompletableFuture<?> publish(String node, HealthEventEnvelope event);
}
