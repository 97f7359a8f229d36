package io.resourcemanager.provisioner.adapter;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.NodeHealth;
import io.resourcemanager.events.NodeHealthChanged;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.kafka.CatalogueTopics;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.KafkaProperties;
import io.resourcemanager.kafka.RegistryProperties;
import io.resourcemanager.kafka.TopicSnapshot;
import io.resourcemanager.provisioner.domain.infra.ClusterNodes;
import io.resourcemanager.provisioner.domain.infra.InfraException;
import io.resourcemanager.provisioner.domain.InventoryChange;
import io.resourcemanager.provisioner.domain.NodeInventory;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import io.resourcemanager.provisioner.saga.NodeHealthAnnouncements;
import io.resourcemanager.provisioner.saga.SagaStore;
import io.resourcemanager.provisioner.saga.WorkerAnnouncements;
import io.resourcemanager.provisioner.saga.WorkerDirectory;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Keeps {@code rm.nodes} in line with the cluster's worker nodes and the health service's judgement of them,
 * and announces joins and departures on {@code rm.provisioning.events}. What is already known (health
 * judgements included, as far as the published health shows them) is read back from {@code rm.nodes} on
 * start, so a restart announces nothing twice. A change is remembered only once Kafka acknowledged it.
 */
@Singleton
public final class InventorySync implements WorkerAnnouncements, WorkerDirectory, NodeHealthAnnouncements {

    private static final Logger LOG = LoggerFactory.getLogger(InventorySync.class);
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(60);
    private static final long PUBLISH_TIMEOUT_SECONDS = 30;

    private final ClusterNodes cluster;
    private final SagaStore sagas;
    private final EventPublisher publisher;
    private final Clock clock;
    private final String clusterName;
    private final String producer;
    private final Map<String, ObservedNode> known = new HashMap<>();
    private final Map<String, NodeHealth> publishedHealth = new HashMap<>();
    private final NodeHealthBook judgements = new NodeHealthBook();

    InventorySync(ClusterNodes cluster, SagaStore sagas, EventPublisher publisher, Clock clock, CatalogueTopics topics,
                  KafkaProperties kafka, RegistryProperties registry,
                  @Value("${rm.cluster.name:local}") String clusterName,
                  @Value("${micronaut.application.name}") String producer) {
        this.cluster = cluster;
        this.sagas = sagas;
        this.publisher = publisher;
        this.clock = clock;
        this.clusterName = clusterName;
        this.producer = producer;
        TopicSnapshot.read(Topics.NODES, kafka.bootstrapServers(), registry.settings(), SNAPSHOT_TIMEOUT)
                .forEach((name, state) -> {
                    known.put(name, NodeEvents.observed(state));
                    publishedHealth.put(name, state.getHealth());
                    judgements.record(name, NodeEvents.judgementShownBy(state));
                });
        LOG.info("Inventory knows {} nodes from {}", known.size(), Topics.NODES.name());
    }

    /** The workers the inventory knows, as last announced. */
    @Override
    public synchronized List<ObservedNode> knownWorkers() {
        return List.copyOf(known.values());
    }

    /** Compares the cluster with the inventory and publishes what changed. */
    @Scheduled(fixedDelay = "${rm.inventory.interval:5s}", initialDelay = "1s")
    synchronized void sync() {
        List<ObservedNode> observed;
        try {
            observed = cluster.workers();
        } catch (InfraException e) {
            LOG.warn("Skipping inventory sync: {}", e.getMessage());
            return;
        }
        Set<String> inFlight = sagas.inFlightWorkers();
        for (InventoryChange change : NodeInventory.reconcile(Map.copyOf(known), observed)) {
            if (change instanceof InventoryChange.Changed || !inFlight.contains(nameOf(change))) {
                apply(change);
            }
        }
    }

    @Override
    public synchronized void joined(WorkerSaga saga) {
        ObservedNode node = cluster.find(saga.worker()).orElseThrow(() -> new InfraException.Retriable(
                "Node " + saga.worker() + " vanished before it could be announced"));
        if (node.equals(known.get(node.name()))) {
            return;
        }
        apply(new InventoryChange.Joined(node));
    }

    @Override
    public synchronized void removed(WorkerSaga saga) {
        if (!known.containsKey(saga.worker())) {
            return;
        }
        EventHeader header = EventHeaders.first(producer, clock);
        await(publisher.publish(Topics.PROVISIONING_EVENTS, saga.worker(),
                        NodeEvents.removed(saga.worker(), saga.pool(), saga.vmId(), saga.reason(), header)),
                publisher.publishTombstone(Topics.NODES, saga.worker()));
        gone(saga.worker());
        log("Node {} removed from pool {}: {}", saga.worker(), saga.pool(), saga.reason());
    }

    @Override
    public synchronized void relabelled(ObservedNode node) {
        if (!known.containsKey(node.name()) || node.equals(known.get(node.name()))) {
            return;
        }
        apply(new InventoryChange.Changed(node));
    }

    /** Announces a worker the reconciler adopted, as a join; nothing when it is known as it is. */
    public synchronized void adopt(ObservedNode node) {
        if (node.equals(known.get(node.name()))) {
            return;
        }
        apply(known.containsKey(node.name()) ? new InventoryChange.Changed(node) : new InventoryChange.Joined(node));
    }

    /** Forgets a worker whose node and VM are gone: NodeRemoved and a tombstone; nothing when unknown. */
    public synchronized void forget(String name, String pool, String reason) {
        if (!known.containsKey(name)) {
            return;
        }
        EventHeader header = EventHeaders.first(producer, clock);
        await(publisher.publish(Topics.PROVISIONING_EVENTS, name, NodeEvents.removed(name, pool, null, reason, header)),
                publisher.publishTombstone(Topics.NODES, name));
        gone(name);
        log("Node {} forgotten from pool {}: {}", name, pool, reason);
    }

    @Override
    public synchronized void judged(NodeHealthChanged changed, EventHeader cause) {
        String name = changed.getNode();
        judgements.record(name, NodeEvents.judgement(changed.getHealth()));
        ObservedNode node = known.get(name);
        if (node == null) {
            log("Node {} judged {}: remembered, not in the inventory", name, changed.getHealth());
            return;
        }
        NodeState state = NodeEvents.state(node, judgements.judged(name), clusterName,
                EventHeaders.causedBy(cause, producer, clock));
        if (state.getHealth() == publishedHealth.get(name)) {
            return;
        }
        await(publisher.publish(Topics.NODES, name, state));
        publishedHealth.put(name, state.getHealth());
        log("Node {} now {} on {} (judged {}, ready={})", name, state.getHealth(), Topics.NODES.name(),
                changed.getHealth(), node.ready());
    }

    private static String nameOf(InventoryChange change) {
        if (change instanceof InventoryChange.Joined joined) {
            return joined.node().name();
        }
        if (change instanceof InventoryChange.Changed changed) {
            return changed.node().name();
        }
        return ((InventoryChange.Left) change).nodeName();
    }

    private void apply(InventoryChange change) {
        EventHeader header = EventHeaders.first(producer, clock);
        if (change instanceof InventoryChange.Joined joined) {
            ObservedNode node = joined.node();
            NodeState state = nodeState(node, header);
            await(publisher.publish(Topics.PROVISIONING_EVENTS, node.name(), NodeEvents.joined(node, header, clock.instant())),
                    publisher.publish(Topics.NODES, node.name(), state));
            remember(node, state);
            log("Node {} joined pool {}", node.name(), node.pool());
        } else if (change instanceof InventoryChange.Changed changed) {
            ObservedNode node = changed.node();
            NodeState state = nodeState(node, header);
            await(publisher.publish(Topics.NODES, node.name(), state));
            remember(node, state);
            log("Node {} changed (ready={}, schedulable={})", node.name(), node.ready(), node.schedulable());
        } else if (change instanceof InventoryChange.Left left) {
            await(publisher.publish(Topics.PROVISIONING_EVENTS, left.nodeName(),
                            NodeEvents.removed(left.nodeName(), left.pool(), null,
                                    "node is no longer registered in the cluster", header)),
                    publisher.publishTombstone(Topics.NODES, left.nodeName()));
            gone(left.nodeName());
            log("Node {} left pool {}", left.nodeName(), left.pool());
        }
    }

    private NodeState nodeState(ObservedNode node, EventHeader cause) {
        return NodeEvents.state(node, judgements.judged(node.name()), clusterName,
                EventHeaders.causedBy(cause, producer, clock));
    }

    private void remember(ObservedNode node, NodeState published) {
        known.put(node.name(), node);
        publishedHealth.put(node.name(), published.getHealth());
    }

    /** Forgets a node that left the inventory; one that comes back under its name is judged afresh. */
    private void gone(String name) {
        known.remove(name);
        publishedHealth.remove(name);
        judgements.forget(name);
    }

    private static void await(CompletableFuture<?>... sends) {
        try {
            CompletableFuture.allOf(sends).get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing inventory changes", e);
        } catch (Exception e) {
            throw new IllegalStateException("Inventory change was not acknowledged by Kafka", e);
        }
    }

    private static void log(String message, Object... args) {
        MDC.put("node", String.valueOf(args[0]));
        try {
            LOG.info(message, args);
        } finally {
            MDC.remove("node");
        }
    }
}
