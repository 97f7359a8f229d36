package io.resourcemanager.health.adapter;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.resourcemanager.health.domain.Condition;
import io.resourcemanager.health.domain.HealthJudge;
import io.resourcemanager.health.domain.HealthTracker;
import io.resourcemanager.kafka.CatalogueTopics;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kubernetes.NodeFacts;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.topics.Topics;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Watches worker nodes with an informer (resynced every check interval) and publishes
 * {@code NodeHealthChanged} on {@code rm.health.events} whenever a node's judged health changes.
 * A change Kafka did not acknowledge is forgotten, so the next resync publishes it again.
 */
@Context
final class NodeHealthWatcher implements ResourceEventHandler<Node> {

    private static final Logger LOG = LoggerFactory.getLogger(NodeHealthWatcher.class);

    private final EventPublisher publisher;
    private final Clock clock;
    private final String producer;
    private final HealthTracker tracker = new HealthTracker();
    private final SharedIndexInformer<Node> informer;

    NodeHealthWatcher(KubernetesClient client, EventPublisher publisher, Clock clock, CatalogueTopics topics,
                      @Value("${rm.health.check-interval:30s}") Duration checkInterval,
                      @Value("${micronaut.application.name}") String producer) {
        this.publisher = publisher;
        this.clock = clock;
        this.producer = producer;
        this.informer = client.nodes().withLabel(NodeFacts.POOL_LABEL).inform(this, checkInterval.toMillis());
        LOG.info("Watching worker nodes, resync every {}", checkInterval);
    }

    @Override
    public void onAdd(Node node) {
        evaluate(node);
    }

    @Override
    public void onUpdate(Node previous, Node node) {
        evaluate(node);
    }

    @Override
    public synchronized void onDelete(Node node, boolean finalStateUnknown) {
        tracker.forget(NodeFacts.name(node));
    }

    private synchronized void evaluate(Node node) {
        String name = NodeFacts.name(node);
        List<Condition> conditions = HealthEvents.conditions(node);
        tracker.observe(name, HealthJudge.judge(conditions)).ifPresent(change -> {
            String pool = NodeFacts.pool(node).orElse(null);
            publisher.publish(Topics.HEALTH_EVENTS, name,
                            HealthEvents.changed(change, pool, conditions, EventHeaders.first(producer, clock)))
                    .whenComplete((metadata, error) -> report(change, error));
        });
    }

    private void report(HealthTracker.HealthChange change, Throwable error) {
        MDC.put("node", change.node());
        try {
            if (error == null) {
                LOG.info("Node {} is {} (was {})", change.node(), change.current(),
                        change.previous().map(Enum::name).orElse("unknown"));
            } else {
                LOG.warn("Could not publish health of node {}; will retry on the next resync", change.node(), error);
                synchronized (this) {
                    tracker.forget(change.node());
                }
            }
        } finally {
            MDC.remove("node");
        }
    }

    @PreDestroy
    void stop() {
        informer.close();
    }
}
