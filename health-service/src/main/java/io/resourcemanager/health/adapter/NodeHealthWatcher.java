package io.resourcemanager.health.adapter;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.resourcemanager.health.config.HealthProperties;
import io.resourcemanager.health.domain.HealthJudge;
import io.resourcemanager.health.domain.HealthTracker;
import io.resourcemanager.health.domain.NodeSnapshot;
import io.resourcemanager.kubernetes.NodeFacts;
import io.resourcemanager.topics.EventHeaders;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Watches worker nodes with an informer (resynced every check interval, so a stale heartbeat or a restart
 * leaving its window is noticed without a watch event) and publishes {@code NodeHealthChanged} whenever a
 * node's snapshot changes: its health, its bad conditions or their {@code since}, or its kubelet restarts.
 * A change that was not acknowledged is published again at the next resync. A node whose conditions cannot
 * be judged is UNKNOWN and logged once; a node that cannot be read at all is logged once and skipped.
 */
@Context
final class NodeHealthWatcher implements ResourceEventHandler<Node> {

    private static final Logger LOG = LoggerFactory.getLogger(NodeHealthWatcher.class);

    private final HealthChangePublisher publisher;
    private final KubeletRestartWatcher restarts;
    private final Clock clock;
    private final Duration heartbeatTimeout;
    private final String producer;
    private final HealthTracker tracker = new HealthTracker();
    private final Map<String, String> reportedTrouble = new HashMap<>();
    private final SharedIndexInformer<Node> informer;

    NodeHealthWatcher(KubernetesClient client, HealthChangePublisher publisher, KubeletRestartWatcher restarts,
                      Clock clock, HealthProperties properties,
                      @Value("${micronaut.application.name}") String producer) {
        this.publisher = publisher;
        this.restarts = restarts;
        this.clock = clock;
        this.heartbeatTimeout = properties.heartbeatTimeout();
        this.producer = producer;
        this.informer = client.nodes().withLabel(NodeFacts.POOL_LABEL)
                .inform(this, properties.checkInterval().toMillis());
        restarts.onChange(this::restartsChanged);
        LOG.info("Watching worker nodes, resync every {}, heartbeat timeout {}", properties.checkInterval(),
                heartbeatTimeout);
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
        String name = node.getMetadata() == null ? null : node.getMetadata().getName();
        if (name != null) {
            tracker.forget(name);
            reportedTrouble.remove(name);
            restarts.forget(name);
        }
    }

    private void restartsChanged(String name) {
        Node node = informer.getStore().getByKey(name);
        if (node != null) {
            evaluate(node);
        }
    }

    private synchronized void evaluate(Node node) {
        String name = node.getMetadata() == null ? null : node.getMetadata().getName();
        MDC.put("node", String.valueOf(name));
        try {
            if (name == null) {
                throw new IllegalArgumentException("a node without a name");
            }
            NodeSnapshot snapshot = HealthJudge.snapshot(HealthEvents.conditions(node), HealthEvents.readyHeartbeat(node),
                    restarts.restarts(name), clock.instant(), heartbeatTimeout);
            troubleOnce(name, snapshot.oddity() == null ? null : "conditions cannot be judged: " + snapshot.oddity());
            String pool = NodeFacts.pool(node).orElse(null);
            tracker.observe(name, snapshot).ifPresent(change -> publish(change, pool));
        } catch (RuntimeException e) {
            if (troubleOnce(name, "could not be judged: " + e)) {
                LOG.warn("Node {} could not be judged; skipped until it changes", name, e);
            }
        } finally {
            MDC.remove("node");
        }
    }

    private void publish(HealthTracker.Change change, String pool) {
        CompletableFuture<?> sent;
        try {
            sent = publisher.publish(change.node(),
                    HealthEvents.changed(change, pool, EventHeaders.first(producer, clock)));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((metadata, error) -> report(change, error));
    }

    /** Logs {@code trouble} (null = none) when it differs from what was last logged for the node; returns whether it did. */
    private boolean troubleOnce(String name, String trouble) {
        String before = trouble == null ? reportedTrouble.remove(name) : reportedTrouble.put(name, trouble);
        if (Objects.equals(before, trouble)) {
            return false;
        }
        if (trouble == null) {
            LOG.info("Node {} can be judged again", name);
        } else if (trouble.startsWith("conditions")) {
            LOG.warn("Node {} is UNKNOWN: {}", name, trouble);
        }
        return trouble != null;
    }

    private void report(HealthTracker.Change change, Throwable error) {
        MDC.put("node", change.node());
        try {
            NodeSnapshot now = change.current();
            if (error == null) {
                LOG.info("Node {} is {} (was {}), bad conditions {}, kubelet restarts {}", change.node(), now.health(),
                        change.previousHealth(), now.symptoms(), now.kubeletRestarts());
            } else {
                LOG.warn("Could not publish health of node {}; will retry on the next resync", change.node(), error);
                synchronized (this) {
                    tracker.unpublished(change);
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
