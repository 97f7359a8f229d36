package io.resourcemanager.cost.topology;

import io.resourcemanager.cost.domain.UsageKey;
import io.resourcemanager.cost.domain.UsageQuantity;
import io.resourcemanager.events.UsageRecorded;
import io.resourcemanager.kafka.EventSerdes;
import io.resourcemanager.kafka.StreamsTopology;
import jakarta.inject.Singleton;
import io.resourcemanager.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums every {@code UsageRecorded} on {@code rm.cost.usage} per division and usage kind into a
 * queryable store. Quantities that are negative or not finite are refused and logged.
 */
@Singleton
public final class UsageTotalsTopology implements StreamsTopology {

    /** Store of the running total per {@link UsageKey#asString()}. */
    public static final String USAGE_TOTALS_STORE = "usage-totals";

    private static final Logger LOG = LoggerFactory.getLogger(UsageTotalsTopology.class);

    @Override
    public String name() {
        return "usage";
    }

    @Override
    public Topology build(StreamsBuilder builder, EventSerdes serdes) {
        builder.stream(Topics.COST_USAGE.name(),
                        Consumed.with(Topics.COST_USAGE.keySerde(), serdes.forTopic(Topics.COST_USAGE)))
                .filter((key, envelope) -> envelope != null && envelope.getPayload() instanceof UsageRecorded)
                .map((key, envelope) -> {
                    UsageRecorded usage = (UsageRecorded) envelope.getPayload();
                    UsageKey usageKey = UsageKey.forDivision(usage.getDivision(), usage.getKind().name());
                    return KeyValue.pair(usageKey.asString(), usage.getQuantity());
                })
                .filter((key, quantity) -> acceptable(key, quantity))
                .groupByKey(Grouped.with(Serdes.String(), Serdes.Double()))
                .reduce(Double::sum, Materialized.<String, Double, KeyValueStore<Bytes, byte[]>>as(USAGE_TOTALS_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.Double()));
        return builder.build();
    }

    private static boolean acceptable(String key, double quantity) {
        if (UsageQuantity.isValid(quantity)) {
            return true;
        }
        LOG.warn("Refused usage {} for {}: quantities must be finite and not negative", quantity, key);
        return false;
    }
}
