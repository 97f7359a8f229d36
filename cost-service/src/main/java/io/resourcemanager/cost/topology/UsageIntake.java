package io.resourcemanager.cost.topology;

import io.resourcemanager.cost.domain.Charge;
import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.Dimension;
import io.resourcemanager.cost.domain.metering.PricedUsage;
import io.resourcemanager.cost.domain.metering.UsagePricing;
import io.resourcemanager.events.UsageEventEnvelope;
import io.resourcemanager.events.UsageRecorded;
import io.resourcemanager.kafka.DeadLetterPublisher;
import io.resourcemanager.state.CostAmounts;
import io.resourcemanager.state.HourlyCost;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in {@code UsageRecorded} from {@code rm.cost.usage}: prices it and sums it per hour and set of
 * dimensions in a cached buffer store (one store update per event), which is flushed every flush interval as
 * one cost per dimension and hour — so a burst of usage costs the rollups one update per dimension and hour,
 * not one per event. Anything that cannot be decoded or priced goes to the dead-letter topic with the reason,
 * in the same transaction.
 */
final class UsageIntake implements Processor<String, byte[], String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(UsageIntake.class);
    /** Between hour and dimensions in buffer keys: dimensions hold no control characters. */
    private static final char SEPARATOR = '\u001f';

    private final UsagePricing pricing;
    private final Deserializer<UsageEventEnvelope> deserializer;
    private final Duration flushInterval;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, CostAmounts> buffer;

    UsageIntake(UsagePricing pricing, Deserializer<UsageEventEnvelope> deserializer, Duration flushInterval) {
        this.pricing = pricing;
        this.deserializer = deserializer;
        this.flushInterval = flushInterval;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.buffer = context.getStateStore(CostTopology.USAGE_BUFFER_STORE);
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, this::flush);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        UsageEventEnvelope envelope;
        try {
            envelope = deserializer.deserialize(topic, record.headers(), record.value());
        } catch (RuntimeException undecodable) {
            deadLetter(record, "undecodable: " + undecodable.getMessage());
            return;
        }
        if (envelope == null || !(envelope.getPayload() instanceof UsageRecorded)) {
            deadLetter(record, "not a UsageRecorded");
            return;
        }
        PricedUsage priced;
        try {
            priced = pricing.price(UsageRecords.toUsage((UsageRecorded) envelope.getPayload()));
        } catch (IllegalArgumentException invalid) {
            priced = new PricedUsage(null, invalid.getMessage());
        }
        if (priced.isRefused()) {
            deadLetter(record, priced.refusal());
        } else {
            add(priced.charge());
        }
    }

    /** Adds the charge to what is buffered for its hour and set of dimensions: one store update per event. */
    private void add(Charge charge) {
        StringBuilder key = new StringBuilder(RollupKey.millis(charge.hour()));
        for (Dimension dimension : charge.dimensions()) {
            key.append(SEPARATOR).append(dimension);
        }
        String buffered = key.toString();
        CostAmounts sum = buffer.get(buffered);
        Cost total = sum == null ? charge.cost() : CostRecords.fromAvro(sum).plus(charge.cost());
        buffer.put(buffered, CostRecords.toAvro(total));
    }

    /** Forwards what is buffered as one cost per dimension and hour, and empties the buffer. */
    private void flush(long now) {
        Map<String, Cost> perDimension = new TreeMap<>(); // hour first: older hours reach the rollups first
        List<String> flushed = new ArrayList<>();
        try (KeyValueIterator<String, CostAmounts> all = buffer.all()) {
            all.forEachRemaining(entry -> {
                Cost cost = CostRecords.fromAvro(entry.value);
                String[] parts = entry.key.split(String.valueOf(SEPARATOR));
                for (int i = 1; i < parts.length; i++) {
                    perDimension.merge(parts[0] + SEPARATOR + parts[i], cost, Cost::plus);
                }
                flushed.add(entry.key);
            });
        }
        flushed.forEach(buffer::delete);
        perDimension.forEach((key, cost) -> {
            int separator = key.indexOf(SEPARATOR);
            Dimension dimension = Dimension.parse(key.substring(separator + 1));
            Instant hour = Instant.ofEpochMilli(Long.parseLong(key.substring(0, separator)));
            context.forward(new Record<>(dimension.toString(),
                    new HourlyCost(hour, dimension.type(), dimension.value(), CostRecords.toAvro(cost)), now));
        });
    }

    private void deadLetter(Record<String, byte[]> record, String reason) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        RecordMetadata source = context.recordMetadata().orElseThrow();
        header(headers, DeadLetterPublisher.ERROR, reason);
        header(headers, DeadLetterPublisher.SOURCE_TOPIC, source.topic());
        header(headers, DeadLetterPublisher.SOURCE_PARTITION, Integer.toString(source.partition()));
        header(headers, DeadLetterPublisher.SOURCE_OFFSET, Long.toString(source.offset()));
        header(headers, DeadLetterPublisher.FAILED_AT, Instant.ofEpochMilli(context.currentSystemTimeMs()).toString());
        LOG.warn("Dead-lettered usage {}-{}@{}: {}", source.topic(), source.partition(), source.offset(), reason);
        context.forward(new Record<String, Object>(record.key(), new DeadLetter(record.value()), record.timestamp(), headers));
    }

    private static void header(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
