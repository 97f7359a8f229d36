package io.resourcemanager.cost.topology;

import io.resourcemanager.cost.domain.metering.UsagePricing;
import io.resourcemanager.events.BudgetEnforcement;
import io.resourcemanager.events.CostAlertEnvelope;
import io.resourcemanager.events.CostRollup;
import io.resourcemanager.kafka.EventSerdes;
import io.resourcemanager.kafka.StreamsTopology;
import io.resourcemanager.state.BudgetProgress;
import io.resourcemanager.state.CostAmounts;
import io.resourcemanager.state.HourlyCost;
import io.resourcemanager.state.MeteredResource;
import io.resourcemanager.topics.Topic;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Continuous metering and the cost tables (exactly-once v2):
 * <ol>
 *   <li>usage from {@code rm.cost.usage} is priced and buffered per dimensions and hour ({@link UsageIntake});
 *       what cannot be priced goes to {@code rm.cost.usage.dlq} with the reason;</li>
 *   <li>nodes ({@code rm.provisioning.events}) and allocations ({@code rm.allocation.events}) are metered on
 *       one partition while they run ({@link MeterProcessor});</li>
 *   <li>both become costs per dimension and hour, repartitioned by dimension into the hour/day/month rollups,
 *       budgets and anomaly checks ({@link RollupProcessor}), published on {@code rm.cost.rollups},
 *       {@code rm.cost.alerts} and {@code rm.cost.enforcements}.</li>
 * </ol>
 */
@Singleton
@Named(CostTopology.NAME)
public final class CostTopology implements StreamsTopology {

    /** Name of the topology (application id suffix). */
    public static final String NAME = "cost";
    /** Usage priced but not yet added to the rollups, per hour and dimension. */
    public static final String USAGE_BUFFER_STORE = "usage-buffer";
    /** Running nodes and allocations, by {@code node/<name>} or {@code allocation/<id>}. */
    public static final String METERS_STORE = "meters";
    /** Cost per window, dimension type, window start and dimension value ({@link RollupKey}). */
    public static final String ROLLUPS_STORE = "cost-rollups";
    /** Budget standings per budget and period. */
    public static final String BUDGETS_STORE = "budget-standings";
    /** Days already announced as anomalies, per rollup key. */
    public static final String ANOMALIES_STORE = "cost-anomalies";

    private final CostSettings settings;
    private final Clock clock;

    public CostTopology(CostSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Topology build(StreamsBuilder builder, EventSerdes serdes) {
        builder.addStateStore(store(USAGE_BUFFER_STORE, serdes.forStore(CostAmounts.class)).withCachingEnabled());
        builder.addStateStore(store(METERS_STORE, serdes.forStore(MeteredResource.class)));
        builder.addStateStore(store(ROLLUPS_STORE, serdes.forStore(CostAmounts.class)));
        builder.addStateStore(store(BUDGETS_STORE, serdes.forStore(BudgetProgress.class)));
        builder.addStateStore(store(ANOMALIES_STORE, Serdes.Long()));

        UsagePricing pricing = new UsagePricing(settings.prices(), settings.spotPools());
        KStream<String, Object> intake = builder.stream(Topics.COST_USAGE.name(),
                        Consumed.with(Topics.COST_USAGE.keySerde(), Serdes.ByteArray()))
                .process(() -> new UsageIntake(pricing, serdes.forTopic(Topics.COST_USAGE).deserializer(),
                        settings.flushInterval()), USAGE_BUFFER_STORE);
        intake.filter((key, value) -> value instanceof DeadLetter)
                .mapValues(value -> ((DeadLetter) value).value())
                .to(Topics.COST_USAGE.deadLetter().name(), Produced.with(Topics.COST_USAGE.keySerde(), Serdes.ByteArray()));
        KStream<String, HourlyCost> fromUsage = intake.filter((key, value) -> value instanceof HourlyCost)
                .mapValues(value -> (HourlyCost) value);

        KStream<String, HourlyCost> fromMeters = onePartition(builder, serdes, Topics.PROVISIONING_EVENTS)
                .merge(onePartition(builder, serdes, Topics.ALLOCATION_EVENTS))
                .process(() -> new MeterProcessor(settings), METERS_STORE);

        Serde<HourlyCost> hourlySerde = serdes.forStore(HourlyCost.class);
        KStream<String, Object> outputs = fromUsage.merge(fromMeters)
                .repartition(Repartitioned.<String, HourlyCost>as("cost-by-dimension")
                        .withKeySerde(Serdes.String()).withValueSerde(hourlySerde)
                        .withNumberOfPartitions(Topics.COST_ROLLUPS.partitions()))
                .process(() -> new RollupProcessor(settings, clock), ROLLUPS_STORE, BUDGETS_STORE, ANOMALIES_STORE);
        route(outputs, Topics.COST_ROLLUPS, CostRollup.class, serdes);
        route(outputs, Topics.COST_ALERTS, CostAlertEnvelope.class, serdes);
        route(outputs, Topics.COST_ENFORCEMENTS, BudgetEnforcement.class, serdes);
        return builder.build();
    }

    /** Lifecycle events of {@code topic} moved onto the single metering partition. */
    private static <V extends SpecificRecord> KStream<String, SpecificRecord> onePartition(
            StreamsBuilder builder, EventSerdes serdes, Topic<V> topic) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), serdes.forTopic(topic)))
                .filter((key, value) -> value != null)
                .repartition(Repartitioned.<String, V>as("metering-" + topic.name().replace('.', '-'))
                        .withKeySerde(topic.keySerde()).withValueSerde(serdes.forTopic(topic)).withNumberOfPartitions(1))
                .mapValues(value -> (SpecificRecord) value);
    }

    /** Sends the outputs of type {@code type} (and tombstones for {@code topic}) to {@code topic}. */
    private static <V> void route(KStream<String, Object> outputs, Topic<V> topic, Class<V> type, EventSerdes serdes) {
        outputs.filter((key, value) -> type.isInstance(value)
                        || value instanceof Tombstone && ((Tombstone) value).topic().equals(topic))
                .mapValues(value -> type.isInstance(value) ? type.cast(value) : null)
                .to(topic.name(), Produced.with(topic.keySerde(), serdes.forTopic(topic)));
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }
}
