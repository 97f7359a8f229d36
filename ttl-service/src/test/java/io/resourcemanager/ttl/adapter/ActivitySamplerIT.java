package io.resourcemanager.ttl.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.resourcemanager.events.NodeActivity;
import io.resourcemanager.kafka.testing.SimulatedClusterContract;
import io.resourcemanager.simulator.kubernetes.KubernetesClients;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.testkit.RecordCollector;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The running TTL service samples its simulated cluster and publishes the activity of its temporary workers. */
@MicronautTest
class ActivitySamplerIT extends SimulatedClusterContract {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String WORKER = "worker-permanent-002";

    @Inject
    ActivityProperties activityProperties;

    @Override
    protected Map<String, String> serviceProperties() {
        return Map.of("rm.ttl.activity.sample-interval", "300ms");
    }

    @Test
    void shouldPublishTheActivityOfAWorkerOnceItCarriesATtl() {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        Instant started = Instant.now();
        RegistrySettings registry = RegistrySettings.atBaseAddress(env.registryBaseUrl());
        try (KubernetesClient client = KubernetesClients.connect(simulator.kubernetesUrl());
             RecordCollector<String, NodeActivity> activity = RecordCollector.start(env.bootstrapServers(),
                     List.of(Topics.NODE_ACTIVITY.name()), new StringDeserializer(),
                     Topics.NODE_ACTIVITY.valueSerde(registry).deserializer())) {
            // The simulated kubelet writes the node too: a conflicting edit (409) is tried again.
            Awaitility.await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> client.nodes().withName(WORKER)
                    .edit(node -> new NodeBuilder(node).editMetadata()
                            .addToLabels(Fabric8WorkerActivity.TTL_LABEL, "1900000000").endMetadata().build()));

            ConsumerRecord<String, NodeActivity> sampled = activity.awaitRecord(r -> WORKER.equals(r.key()), WAIT);

            assertThat(sampled.value().getNode()).isEqualTo(WORKER);
            assertThat(sampled.value().getWorkloadPods()).isZero();
            // The simulated metrics-server: 100m for the system daemons of a medium worker (7800m allocatable).
            assertThat(sampled.value().getCpuFraction()).isCloseTo(100.0 / 7800, within(1e-9));
            assertThat(sampled.value().getHeader().getProducer()).isEqualTo("ttl-service");
            // The topic is shared by the test classes of this JVM: only this class's samples count.
            assertThat(activity.records()).filteredOn(r -> !r.value().getSampledAt().isBefore(started))
                    .extracting(ConsumerRecord::key).containsOnly(WORKER);
        }
    }

    @Test
    void shouldBindTheActivitySettingsWithTheirDefaults() {
        assertThat(activityProperties.enabled()).isTrue();
        assertThat(activityProperties.sampleInterval()).isEqualTo(Duration.ofMillis(300));
        assertThat(activityProperties.systemNamespaces()).containsExactly("kube-system", "kube-public", "kube-node-lease");
    }
}
