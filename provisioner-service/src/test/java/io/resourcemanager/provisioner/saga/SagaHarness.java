package io.resourcemanager.provisioner.saga;

import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.TopicSnapshot;
import io.resourcemanager.provisioner.config.SagaProperties;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.provisioner.domain.saga.WorkerSaga;
import io.resourcemanager.provisioner.testing.FakeInfrastructure;
import io.resourcemanager.provisioner.testing.SpecCatalog;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A saga runner as the service wires it — durable state on the real broker — in front of the fake
 * infrastructure. Closing it and building another over the same broker is a process restart.
 */
final class SagaHarness implements AutoCloseable {

    static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(30);

    final SagaStore store;
    final SagaRunner runner;
    final RecordingAnnouncements announcements = new RecordingAnnouncements();
    private final EventPublisher publisher;

    SagaHarness(FakeInfrastructure infra, SagaProperties properties) {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        RegistrySettings registry = RegistrySettings.atBaseAddress(env.registryBaseUrl());
        Clock clock = Clock.systemUTC();
        SagaHeaders headers = new SagaHeaders("provisioner-test", clock);
        publisher = EventPublisher.connect(env.bootstrapServers(), registry, "saga-harness");
        store = new SagaStore(publisher, TopicSnapshot.read(Topics.PROVISIONING_SAGAS, env.bootstrapServers(), registry,
                SNAPSHOT_TIMEOUT), headers::of);
        StepActions actions = new StepActions(infra.hypervisor(), infra.nodes(), infra.agent(), SpecCatalog.get(),
                properties);
        runner = new SagaRunner(store, actions, new SagaEvents(headers, "pve"), announcements, clock, properties);
    }

    /** Fast settings: short pauses, short drains. */
    static SagaProperties fastProperties() {
        return new SagaProperties(Map.of(), 3, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(1), 5,
                Duration.ofMillis(10), Duration.ofSeconds(2), Duration.ofSeconds(1), 5, 5, true,
                "user=local:snippets/talos-{pool}-worker.yaml");
    }

    static void ensureTopics() {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        env.createTopics(List.of(new NewTopic(Topics.PROVISIONING_SAGAS.name(), 3, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
        env.createTopics(Topics.PROVISIONING_EVENTS.name(), Topics.HEALTH_EVENTS.name());
    }

    @Override
    public void close() {
        runner.close();
        publisher.close();
    }

    /** Announcements the sagas made. */
    static final class RecordingAnnouncements implements WorkerAnnouncements {
        final List<String> joined = new CopyOnWriteArrayList<>();
        final List<String> removed = new CopyOnWriteArrayList<>();

        @Override
        public void joined(WorkerSaga saga) {
            joined.add(saga.worker());
        }

        @Override
        public void removed(WorkerSaga saga) {
            removed.add(saga.worker());
        }

        @Override
        public void relabelled(ObservedNode node) {
            throw new UnsupportedOperationException("sagas do not relabel workers");
        }
    }
}
