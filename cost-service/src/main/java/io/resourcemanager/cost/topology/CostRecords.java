package io.resourcemanager.cost.topology;

import io.resourcemanager.cost.domain.Charge;
import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.Dimension;
import io.resourcemanager.state.CostAmounts;
import io.resourcemanager.state.HourlyCost;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Record;

/** Converts costs between the domain and their Avro records. */
final class CostRecords {

    private CostRecords() {
    }

    static CostAmounts toAvro(Cost cost) {
        return new CostAmounts(cost.internalMicros(), cost.externalMicros(), cost.idleMicros(), cost.tokens(),
                new HashMap<>(cost.usage()));
    }

    static Cost fromAvro(CostAmounts amounts) {
        return amounts == null ? Cost.ZERO : new Cost(amounts.getInternalMicroUsd(), amounts.getExternalMicroUsd(),
                amounts.getIdleMicroUsd(), amounts.getTokens(), amounts.getUsage());
    }

    /** One record per dimension of {@code charge}, keyed by the dimension, timestamped {@code at}. */
    static List<Record<String, HourlyCost>> perDimension(Charge charge, long at) {
        CostAmounts amounts = toAvro(charge.cost());
        return charge.dimensions().stream()
                .map(dimension -> new Record<>(dimension.toString(),
                        new HourlyCost(charge.hour(), dimension.type(), dimension.value(), amounts), at))
                .toList();
    }

    static Dimension dimension(HourlyCost hourly) {
        return new Dimension(hourly.getDimensionType(), hourly.getDimensionValue());
    }

    /** Dimensions as stored (type to value) and back. */
    static Map<String, String> toMap(List<Dimension> dimensions) {
        Map<String, String> map = new HashMap<>();
        dimensions.forEach(dimension -> map.put(dimension.type(), dimension.value()));
        return map;
    }

    static List<Dimension> fromMap(Map<String, String> map) {
        return Dimension.TYPES.stream().filter(map::containsKey).map(type -> new Dimension(type, map.get(type))).toList();
    }
}
