package io.resourcemanager.provisioner.autoscale;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationState;
import io.resourcemanager.kafka.KafkaProperties;
import io.resourcemanager.kafka.RegistryProperties;
import io.resourcemanager.kafka.TopicReplay;
import io.resourcemanager.topics.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds {@link AllocationDemand} from {@code rm.allocations} and {@code rm.allocation.events}, replayed
 * from the beginning at every start ({@link TopicReplay}: the compacted state topic is the whole truth,
 * the events say which queued allocations a quota blocks), then followed; the view reports ready once it
 * reached the ends the topics had at start. Every instance sees everything. Runs only when autoscaling
 * is enabled.
 */
@Singleton
final class AllocationFeed implements TopicReplay.Handler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AllocationFeed.class);

    private final AllocationDemand demand;
    private final AutoscaleProperties properties;
    private final KafkaProperties kafka;
    private final Deserializer<AllocationState> states;
    private final Deserializer<AllocationEventEnvelope> events;
    private final String clientId;
    private TopicReplay replay;

    AllocationFeed(AllocationDemand demand, AutoscaleProperties properties, KafkaProperties kafka,
                   RegistryProperties registry, @Value("${micronaut.application.name}") String application) {
        this.demand = demand;
        this.properties = properties;
        this.kafka = kafka;
        this.states = Topics.ALLOCATIONS.valueSerde(registry.settings()).deserializer();
        this.events = Topics.ALLOCATION_EVENTS.valueSerde(registry.settings()).deserializer();
        this.clientId = application + "-autoscale-allocations";
    }

    @EventListener
    synchronized void onStartup(StartupEvent event) {
        if (!properties.enabled() || replay != null) {
            return;
        }
        replay = TopicReplay.start(kafka.bootstrapServers(), clientId,
                List.of(Topics.ALLOCATIONS, Topics.ALLOCATION_EVENTS), this);
    }

    @Override
    public void apply(ConsumerRecord<byte[], byte[]> record) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (record.topic().equals(Topics.ALLOCATIONS.name())) {
            demand.onState(key, record.value() == null ? null
                    : states.deserialize(record.topic(), record.headers(), record.value()));
        } else if (record.value() != null) {
            demand.onEvent(key, events.deserialize(record.topic(), record.headers(), record.value()));
        }
    }

    @Override
    public void caughtUp() {
        demand.caughtUp();
        LOG.info("Allocation view caught up: queued demand {}, nodes holding allocations {}",
                demand.queuedByPool(), demand.nodesHoldingAllocations().size());
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (replay != null) {
            replay.close();
        }
    }
}
