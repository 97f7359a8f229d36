package io.resourcemanager.health.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.resourcemanager.events.HealthEventEnvelope;
import io.resourcemanager.events.NodeHealthChanged;
import io.resourcemanager.events.RepairCompleted;
import io.resourcemanager.events.RepairFailed;
import io.resourcemanager.health.config.RepairProperties;
import io.resourcemanager.health.domain.repair.RepairLadder;
import io.resourcemanager.kafka.EventSerdes;
import io.resourcemanager.kafka.StreamsTopology;
import io.resourcemanager.state.NodeRepair;
import io.resourcemanager.state.SagaStatus;
import io.resourcemanager.state.WorkerSaga;
import io.resourcemanager.topics.Topic;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The repair engine: node observations and repair answers ({@code rm.health.events}), pool membership
 * ({@code rm.nodes}) and deliberate work ({@code rm.provisioning.sagas}, sagas that are not repairs) all
 * go, still keyed by node, through one-partition repartition topics into one {@link RepairProcessor},
 * which decides repairs with the pure ladder and announces {@code RepairNeeded} and
 * {@code AutoRepairFailed} on {@code rm.health.events}.
 */
@Singleton
@jakarta.inject.Named(RepairTopology.NAME)
public final class RepairTopology implements StreamsTopology {

    /** Name of the Streams app (and of its {@code StreamsApp} bean). */
    public static final String NAME = "repairs";
    /** Store of every node's symptoms and repair episode. */
    public static final String REPAIRS_STORE = "node-repairs";

    private final RepairProperties settings;
    private final Clock clock;
    private final MeterRegistry meters;

    public RepairTopology(RepairProperties settings, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Topology build(StreamsBuilder builder, EventSerdes serdes) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REPAIRS_STORE),
                Serdes.String(), serdes.forStore(NodeRepair.class)));
        KStream<String, RepairInput> health = onePartition(builder, serdes, Topics.HEALTH_EVENTS, "health-inputs")
                .filter((node, event) -> event != null)
                .flatMapValues(RepairTopology::fromHealth);
        KStream<String, RepairInput> nodes = onePartition(builder, serdes, Topics.NODES, "node-inputs")
                .mapValues((node, state) -> (RepairInput) new RepairInput.Member(node, state == null ? null : state.getPool()));
        KStream<String, RepairInput> sagas = builder.stream(Topics.PROVISIONING_SAGAS.name(),
                        Consumed.with(Topics.PROVISIONING_SAGAS.keySerde(), serdes.forTopic(Topics.PROVISIONING_SAGAS)))
                .filter((id, saga) -> saga != null && saga.getRepairId() == null)
                .selectKey((id, saga) -> saga.getWorker())
                .repartition(Repartitioned.with(Topics.PROVISIONING_SAGAS.keySerde(), serdes.forTopic(Topics.PROVISIONING_SAGAS))
                        .withName("saga-inputs").withNumberOfPartitions(1))
                .mapValues((node, saga) -> (RepairInput) new RepairInput.Deliberate(node, isRunning(saga)));
        RepairLadder ladder = new RepairLadder(settings.policy());
        RepairMetrics metrics = new RepairMetrics(meters);
        health.merge(nodes).merge(sagas)
                .process(() -> new RepairProcessor(ladder, settings.tick(), settings.repairTimeout(), clock, metrics),
                        Named.as("repairs"), REPAIRS_STORE)
                .to(Topics.HEALTH_EVENTS.name(), Produced.with(Topics.HEALTH_EVENTS.keySerde(), serdes.forTopic(Topics.HEALTH_EVENTS)));
        return builder.build();
    }

    private static <V> KStream<String, V> onePartition(StreamsBuilder builder, EventSerdes serdes, Topic<V> topic, String name) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), serdes.forTopic(topic)))
                .repartition(Repartitioned.with(topic.keySerde(), serdes.forTopic(topic)).withName(name)
                        .withNumberOfPartitions(1));
    }

    private static List<RepairInput> fromHealth(String node, HealthEventEnvelope event) {
        Object payload = event.getPayload();
        if (payload instanceof NodeHealthChanged changed) {
            return List.of(new RepairInput.Observed(node, changed, event.getHeader().getOccurredAt()));
        }
        if (payload instanceof RepairCompleted completed) {
            return List.of(new RepairInput.Answered(completed.getNode(), completed.getRepairId(), completed.getLevel(), true));
        }
        if (payload instanceof RepairFailed failed) {
            return List.of(new RepairInput.Answered(failed.getNode(), failed.getRepairId(), failed.getLevel(), false));
        }
        return List.of();
    }

    private static boolean isRunning(WorkerSaga saga) {
        return saga.getStatus() == SagaStatus.RUNNING || saga.getStatus() == SagaStatus.COMPENSATING;
    }
}
