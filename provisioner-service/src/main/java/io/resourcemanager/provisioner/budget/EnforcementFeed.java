package io.resourcemanager.provisioner.budget;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.resourcemanager.events.BudgetEnforcement;
import io.resourcemanager.kafka.KafkaProperties;
import io.resourcemanager.kafka.RegistryProperties;
import io.resourcemanager.kafka.TopicReplay;
import io.resourcemanager.topics.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link EnforcedPools} current from the compacted {@code rm.cost.enforcements} (keyed by budget;
 * a tombstone lifts the budget), replayed from the beginning at every start ({@link TopicReplay});
 * startup waits (bounded) until the end the topic had, so the first scale request already sees every
 * enforcement.
 */
@Singleton
final class EnforcementFeed implements TopicReplay.Handler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnforcementFeed.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

    private final EnforcedPools pools;
    private final KafkaProperties kafka;
    private final Deserializer<BudgetEnforcement> values;
    private final String clientId;
    private TopicReplay replay;

    EnforcementFeed(EnforcedPools pools, KafkaProperties kafka, RegistryProperties registry,
                    @Value("${micronaut.application.name}") String application) {
        this.pools = pools;
        this.kafka = kafka;
        this.values = Topics.COST_ENFORCEMENTS.valueSerde(registry.settings()).deserializer();
        this.clientId = application + "-budget-enforcements";
    }

    @EventListener
    synchronized void onStartup(StartupEvent event) {
        if (replay != null) {
            return;
        }
        replay = TopicReplay.start(kafka.bootstrapServers(), clientId, List.of(Topics.COST_ENFORCEMENTS), this);
        try {
            if (!pools.awaitCaughtUp(STARTUP_WAIT)) {
                LOG.warn("{} not read to its end within {}; scale-up is refused until it is",
                        Topics.COST_ENFORCEMENTS.name(), STARTUP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String budget = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            pools.lift(budget);
            LOG.info("Budget {} is lifted", budget);
            return;
        }
        BudgetEnforcement enforcement = values.deserialize(record.topic(), record.headers(), record.value());
        pools.enforce(budget, enforcement.getPool(), enforcement.getReason());
        if (enforcement.getPool() != null) {
            LOG.info("Budget {} is enforced on pool {}: {}", budget, enforcement.getPool(), enforcement.getReason());
        }
    }

    @Override
    public void caughtUp() {
        pools.caughtUp();
        LOG.info("Budget enforcements read from {}", Topics.COST_ENFORCEMENTS.name());
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (replay != null) {
            replay.close();
        }
    }
}
