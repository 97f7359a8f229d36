package io.resourcemanager.provisioner.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.HealthEventEnvelope;
import io.resourcemanager.events.NodeHealth;
import io.resourcemanager.events.NodeHealthChanged;
import io.resourcemanager.events.NodeJoined;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.events.ProvisioningEventEnvelope;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.testing.SimulatedClusterContract;
import io.resourcemanager.provisioner.config.PoolCatalog;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.testkit.RecordCollector;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The provisioner announces the simulated cluster's permanent workers on {@code rm.provisioning.events}
 * and {@code rm.nodes}, and a restarted instance announces nothing twice; the health service's judgement
 * of a worker reaches its state on {@code rm.nodes}.
 */
@MicronautTest
class ProvisionerServiceIT extends SimulatedClusterContract {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> PERMANENT_WORKERS =
            List.of("worker-permanent-001", "worker-permanent-002", "worker-permanent-003");

    @Override
    protected Map<String, String> serviceProperties() {
        Map<String, String> service = new HashMap<>();
        service.put("rm.inventory.interval", "500ms");
        service.put("rm.proxmox.url", simulator.proxmoxUrl());
        service.put("rm.proxmox.token", simulator.apiToken());
        return service;
    }

    @Inject
    PoolCatalog catalog;

    @Test
    void shouldLoadThePoolsAndTemplatesOfTheSpec() {
        assertThat(catalog.pools()).containsOnlyKeys("permanent", "burst", "spot", "gpu");
        assertThat(catalog.pool("burst").orElseThrow().maxTtl()).isEqualTo(Duration.ofHours(12));
        assertThat(catalog.pool("spot").orElseThrow().taints())
                .containsExactly("workload-type=spot:NoSchedule", "preemptible=true:PreferNoSchedule");
        assertThat(catalog.pool("permanent").orElseThrow().protectedPool()).isTrue();
        assertThat(catalog.template("gpu-nvidia").orElseThrow().gpus()).isEqualTo(1);
        assertThat(catalog.template("large").orElseThrow().allocatableCpuMillis()).isEqualTo(15_800);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReportPoolsWithTheirWorkersByState() {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Object> permanent = http.toBlocking().retrieve(HttpRequest.GET("/pools/permanent"),
                    Argument.mapOf(String.class, Object.class));
            assertThat(permanent).containsEntry("min", 3).containsEntry("max", 10).containsEntry("protected", true);
            Map<String, Object> nodes = (Map<String, Object>) permanent.get("nodes");
            assertThat((Integer) nodes.get("ready") + (Integer) nodes.get("cordoned")).isEqualTo(3);
        });
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/pools"), Argument.listOf(Map.class))).hasSize(4);
        HttpClientResponseException unknown = org.assertj.core.api.Assertions.catchThrowableOfType(
                HttpClientResponseException.class, () -> http.toBlocking().retrieve(HttpRequest.GET("/pools/nope")));
        assertThat(unknown.getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void shouldAnnounceEachWorkerOnceAcrossARestart() {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        RegistrySettings registry = RegistrySettings.atBaseAddress(env.registryBaseUrl());
        try (RecordCollector<String, ProvisioningEventEnvelope> events = RecordCollector.start(env.bootstrapServers(),
                     List.of(Topics.PROVISIONING_EVENTS.name()), new StringDeserializer(),
                     Topics.PROVISIONING_EVENTS.valueSerde(registry).deserializer());
             RecordCollector<String, NodeState> nodes = RecordCollector.start(env.bootstrapServers(),
                     List.of(Topics.NODES.name()), new StringDeserializer(), Topics.NODES.valueSerde(registry).deserializer())) {

            for (String worker : PERMANENT_WORKERS) {
                NodeJoined joined = (NodeJoined) events.awaitRecord(r -> isJoinOf(r.value(), worker), WAIT)
                        .value().getPayload();
                assertThat(joined.getPool()).isEqualTo("permanent");
                assertThat(joined.getAllocatable().getCpuMillis()).isEqualTo(7_800);
                NodeState state = nodes.awaitRecord(r -> worker.equals(r.key()), WAIT).value();
                assertThat(state.getReady()).isTrue();
                assertThat(state.getProtectedNode()).isTrue();
            }

            try (ApplicationContext restarted = ApplicationContext.run(new HashMap<String, Object>(properties))) {
                cordon("worker-permanent-002");
                nodes.awaitRecord(r -> r.key().equals("worker-permanent-002") && r.value() != null
                        && !r.value().getSchedulable(), WAIT);
            }

            long joins = events.values().stream()
                    .filter(event -> PERMANENT_WORKERS.stream().anyMatch(worker -> isJoinOf(event, worker)))
                    .count();
            assertThat(joins).isEqualTo(PERMANENT_WORKERS.size());
        }
    }

    @Test
    void shouldStateTheHealthServicesJudgementOfAWorkerOnRmNodes() {
        String worker = "worker-permanent-003";
        String stranger = "worker-not-in-the-inventory";
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> Boolean.TRUE.equals(http.toBlocking()
                .retrieve(HttpRequest.GET("/workers/" + worker), Argument.mapOf(String.class, Object.class))
                .get("ready")));
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        RegistrySettings registry = RegistrySettings.atBaseAddress(env.registryBaseUrl());
        try (RecordCollector<String, NodeState> nodes = RecordCollector.start(env.bootstrapServers(),
                List.of(Topics.NODES.name()), new StringDeserializer(), Topics.NODES.valueSerde(registry).deserializer())) {

            publishJudgement(stranger, NodeHealth.UNHEALTHY);
            EventHeader unhealthy = publishJudgement(worker, NodeHealth.UNHEALTHY);
            NodeState judged = nodes.awaitRecord(r -> isCausedBy(r, unhealthy), WAIT).value();
            assertThat(judged.getNode()).isEqualTo(worker);
            assertThat(judged.getReady()).isTrue();
            assertThat(judged.getHealth()).isEqualTo(NodeHealth.UNHEALTHY);

            EventHeader healthy = publishJudgement(worker, NodeHealth.HEALTHY);
            NodeState healed = nodes.awaitRecord(r -> isCausedBy(r, healthy), WAIT).value();
            assertThat(healed.getHealth()).isEqualTo(NodeHealth.HEALTHY);
            assertThat(nodes.records()).noneMatch(r -> stranger.equals(r.key()));
        }
    }

    /** Publishes a NodeHealthChanged of {@code node} on rm.health.events as the health service would. */
    private static EventHeader publishJudgement(String node, NodeHealth health) {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        EventHeader header = EventHeaders.first("health-test", Clock.systemUTC());
        try (EventPublisher publisher = EventPublisher.connect(env.bootstrapServers(),
                RegistrySettings.atBaseAddress(env.registryBaseUrl()), "health-test")) {
            publisher.publish(Topics.HEALTH_EVENTS, node, HealthEventEnvelope.newBuilder().setHeader(header)
                    .setPayload(NodeHealthChanged.newBuilder().setNode(node).setPool("permanent").setHealth(health)
                            .setPreviousHealth(NodeHealth.UNKNOWN).build())
                    .build()).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the health judgement", e);
        }
        return header;
    }

    private static boolean isCausedBy(ConsumerRecord<String, NodeState> record, EventHeader cause) {
        return record.value() != null
                && cause.getEventId().toString().equals(record.value().getHeader().getCausationId());
    }

    /** Cordons a node, retrying when the simulated kubelet updated it in between (409 Conflict). */
    private void cordon(String node) {
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder().withMasterUrl(simulator.kubernetesUrl()).build()).build()) {
            Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> {
                client.nodes().withName(node).edit(n -> {
                    n.getSpec().setUnschedulable(true);
                    return n;
                });
                return true;
            });
        }
    }

    private static boolean isJoinOf(ProvisioningEventEnvelope event, String worker) {
        return event.getPayload() instanceof NodeJoined joined && joined.getWorker().equals(worker);
    }
}
