package io.resourcemanager.cost.topology;

import io.resourcemanager.cost.domain.Charge;
import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.metering.PricedUsage;
import io.resourcemanager.cost.domain.metering.UsagePricing;
import io.resourcemanager.events.UsageEventEnvelope;
import io.resourcemanager.events.UsageRecorded;
import io.resourcemanager.kafka.DeadLetterPublisher;
import io.resourcemanager.state.BufferedCharge;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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
 * Takes in {@code UsageRecorded} from {@code rm.cost.usage}: prices it and sums it per set of dimensions and
 * hour in a buffer store, which is flushed to the rollups as one cost per dimension every flush interval —
 * so a burst of usage costs the rollups one update per dimension, not one per event. Anything that cannot
 * be decoded or priced goes to the dead-letter topic with the reason, in the same transaction.
 */
final class UsageIntake implements Processor<String, byte[], String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(UsageIntake.class);
    private static final char SEPARATOR = '\u001f';

    private final UsagePricing pricing;
    private final Deserializer<UsageEventEnvelope> deserializer;
    private final Duration flushInterval;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, BufferedCharge> buffer;

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

    private void add(Charge charge) {
        String key = charge.hour().toEpochMilli() + String.valueOf(SEPARATOR) + charge.dimensions().stream()
                .map(Object::toString).collect(Collectors.joining(String.valueOf(SEPARATOR)));
        BufferedCharge buffered = buffer.get(key);
        Cost sum = buffered == null ? charge.cost() : CostRecords.fromAvro(buffered.getAmounts()).plus(charge.cost());
        buffer.put(key, new BufferedCharge(charge.hour(), CostRecords.toMap(charge.dimensions()), CostRecords.toAvro(sum)));
    }

    private void flush(long now) {
        List<String> flushed = new ArrayList<>();
        try (KeyValueIterator<String, BufferedCharge> all = buffer.all()) {
            all.forEachRemaining(entry -> {
                BufferedCharge buffered = entry.value;
                CostRecords.perDimension(buffered.getHourStart(), CostRecords.fromMap(buffered.getDimensions()),
                        CostRecords.fromAvro(buffered.getAmounts()), now).forEach(context::forward);
                flushed.add(entry.key);
            });
        }
        flushed.forEach(buffer::delete);
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
