package io.resourcemanager.health.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.resourcemanager.events.HealthEventEnvelope;
import io.resourcemanager.events.NodeConditionSnapshot;
import io.resourcemanager.events.NodeHealth;
import io.resourcemanager.events.NodeHealthChanged;
import io.resourcemanager.events.ProvisioningStep;
import io.resourcemanager.events.RepairCompleted;
import io.resourcemanager.events.RepairFailed;
import io.resourcemanager.events.RepairLevel;
import io.resourcemanager.events.RepairNeeded;
import io.resourcemanager.health.config.RepairProperties;
import io.resourcemanager.kafka.testing.ClockedDriver;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.MutableClock;
import io.resourcemanager.kafka.testing.PlainAvroSerdes;
import io.resourcemanager.state.NodeRepair;
import io.resourcemanager.state.SagaKind;
import io.resourcemanager.state.SagaStatus;
import io.resourcemanager.state.WorkerSaga;
import io.resourcemanager.topics.Topic;
import io.resourcemanager.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The repair topology in a TopologyTestDriver whose wall clock and the topology's clock move together. */
final class RepairDriver implements AutoCloseable {

    private static final String APPLICATION_ID = "repairs-test";

    final MutableClock clock;
    private final ClockedDriver clocked;
    private final TopologyTestDriver driver;
    private final PlainAvroSerdes serdes;
    private final TestOutputTopic<String, HealthEventEnvelope> healthEvents;

    RepairDriver(Instant start) {
        clocked = new ClockedDriver(APPLICATION_ID, start,
                clock -> new RepairTopology(RepairProperties.defaults(), clock, new SimpleMeterRegistry()));
        clock = clocked.clock();
        driver = clocked.driver();
        serdes = clocked.serdes();
        healthEvents = driver.createOutputTopic(Topics.HEALTH_EVENTS.name(), Topics.HEALTH_EVENTS.keySerde().deserializer(),
                serdes.forTopic(Topics.HEALTH_EVENTS).deserializer());
    }

    void advance(Duration duration) {
        clocked.advance(duration);
    }

    /** Moves time forward in ticks of 5 s, as the service's punctuation runs. */
    void advanceBy(Duration duration) {
        for (Duration left = duration; !left.isZero() && !left.isNegative(); left = left.minusSeconds(5)) {
            advance(left.compareTo(Duration.ofSeconds(5)) < 0 ? left : Duration.ofSeconds(5));
        }
    }

    /** Payloads the topology produced since the last call (its own outputs only). */
    List<Object> produced() {
        return healthEvents.readValuesToList().stream().map(HealthEventEnvelope::getPayload)
                .filter(payload -> !(payload instanceof NodeHealthChanged || payload instanceof RepairCompleted
                        || payload instanceof RepairFailed))
                .toList();
    }

    List<RepairNeeded> repairs() {
        return produced().stream().filter(RepairNeeded.class::isInstance).map(RepairNeeded.class::cast).toList();
    }

    KeyValueStore<String, NodeRepair> store() {
        return driver.getKeyValueStore(RepairTopology.REPAIRS_STORE);
    }

    /** The latest value per key of the repairs store's changelog: what a restart restores. */
    Map<String, NodeRepair> changelog() {
        return clocked.changelog(RepairTopology.REPAIRS_STORE, serdes.forStore(NodeRepair.class).deserializer());
    }

    /** Fills the repairs store as a restore from its changelog would. */
    void restore(Map<String, NodeRepair> contents) {
        clocked.restore(RepairTopology.REPAIRS_STORE, contents);
    }

    void member(String node, String pool) {
        pipe(Topics.NODES, node, Events.nodeState(node).setPool(pool).setProtectedNode(false).build());
    }

    /** The node's Ready condition turned {@code ready} at {@code since}. */
    void observed(String node, String pool, String ready, Instant since) {
        NodeHealth health = "True".equals(ready) ? NodeHealth.HEALTHY : NodeHealth.UNHEALTHY;
        pipe(Topics.HEALTH_EVENTS, node, envelope(NodeHealthChanged.newBuilder().setNode(node).setPool(pool)
                .setHealth(health).setConditions(List.of(NodeConditionSnapshot.newBuilder().setType("Ready")
                        .setStatus(ready).setSince(since).build()))
                .build()));
    }

    void answered(RepairNeeded repair, boolean succeeded) {
        Object answer = succeeded
                ? RepairCompleted.newBuilder().setRepairId(repair.getRepairId()).setNode(repair.getNode())
                        .setLevel(repair.getLevel()).build()
                : RepairFailed.newBuilder().setRepairId(repair.getRepairId()).setNode(repair.getNode())
                        .setLevel(repair.getLevel()).setReason("did not help").build();
        pipe(Topics.HEALTH_EVENTS, repair.getNode(), envelope(answer));
    }

    /** A decommission saga of {@code node} runs ({@code running}) or finished. */
    void decommissioning(String node, boolean running) {
        Instant now = clock.instant();
        pipe(Topics.PROVISIONING_SAGAS, "saga-" + node, WorkerSaga.newBuilder().setHeader(Events.header())
                .setSagaId("saga-" + node).setKind(SagaKind.DECOMMISSION)
                .setStatus(running ? SagaStatus.RUNNING : SagaStatus.SUCCEEDED).setWorker(node).setPool("burst")
                .setStep(ProvisioningStep.values()[1]).setStepAttempt(0).setReason("scale down").setForce(false)
                .setRepairLevel(RepairLevel.UNKNOWN).setStartedAt(now).setStepStartedAt(now).setUpdatedAt(now).build());
    }

    private HealthEventEnvelope envelope(Object payload) {
        return HealthEventEnvelope.newBuilder().setHeader(Events.header()).setPayload(payload).build();
    }

    private <V> void pipe(Topic<V> topic, String key, V value) {
        clocked.pipe(topic, key, value);
    }

    @Override
    public void close() {
        clocked.close();
    }
}
