package io.resourcemanager.provisioner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.resourcemanager.events.BudgetEnforcement;
import io.resourcemanager.events.NodeJoined;
import io.resourcemanager.events.NodeRemoved;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.events.ProvisioningEventEnvelope;
import io.resourcemanager.events.ExpiryReason;
import io.resourcemanager.events.SubjectType;
import io.resourcemanager.events.TtlEventEnvelope;
import io.resourcemanager.events.TtlExpired;
import io.resourcemanager.events.TtlExtended;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.testing.SimulatedClusterContract;
import io.resourcemanager.simulator.kubernetes.KubernetesClients;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.testkit.RecordCollector;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The provisioner end to end over its real adapters: REST scale requests become sagas that clone,
 * configure and start VMs on the simulated Proxmox, see the simulated kubelets join, label the nodes
 * and announce them; an extended worker's node and inventory show its new deadline; an expired worker is retired;
 * scaling down removes nodes and VMs again. Bad requests name the field or limit; growing a pool a budget
 * is enforced on is refused with the budget's reason until the enforcement is lifted.
 */
@MicronautTest
class ProvisionerScalingIT extends SimulatedClusterContract {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Override
    protected Map<String, String> serviceProperties() {
        Map<String, String> service = new HashMap<>();
        service.put("rm.inventory.interval", "500ms");
        service.put("rm.proxmox.url", simulator.proxmoxUrl());
        service.put("rm.proxmox.token", simulator.apiToken());
        service.put("rm.proxmox.task-poll-interval", "50ms");
        service.put("rm.provisioner.saga.drain-batch-pause", "50ms");
        service.put("rm.provisioner.saga.force-stop-after", "2s");
        service.put("rm.provisioner.autoscale.enabled", "false");
        return service;
    }

    @Test
    void shouldScaleABurstPoolUpAndDownThroughProxmoxAndTheCluster() {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        RegistrySettings registry = RegistrySettings.atBaseAddress(env.registryBaseUrl());
        try (RecordCollector<String, ProvisioningEventEnvelope> events = RecordCollector.start(env.bootstrapServers(),
                List.of(Topics.PROVISIONING_EVENTS.name()), new StringDeserializer(),
                Topics.PROVISIONING_EVENTS.valueSerde(registry).deserializer());
             RecordCollector<String, NodeState> nodes = RecordCollector.start(env.bootstrapServers(),
                     List.of(Topics.NODES.name()), new StringDeserializer(),
                     Topics.NODES.valueSerde(registry).deserializer())) {

            Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(get("/pools/burst")).containsEntry("workers", 0));
            Map<String, Object> scaleToTwo = Map.of("count", 2, "template", "small", "ttl_hours", 2);
            Instant requested = Instant.now();
            HttpResponse<Map<String, Object>> accepted = scaleOnceTheBudgetIsLifted(scaleToTwo);
            assertThat(accepted.code()).isEqualTo(202);
            assertThat(accepted.body()).containsEntry("provisioning", 2);

            List<NodeJoined> joins = Awaitility.await().atMost(WAIT)
                    .until(() -> joinedSince(events, requested), found -> found.size() == 2);
            assertThat(joins).allSatisfy(join -> {
                assertThat(join.getTemplate()).isEqualTo("small");
                assertThat(join.getVmId()).isNotNull();
                assertThat(join.getTtlDeadline()).isNotNull();
                assertThat(join.getLabels()).containsEntry("node-pool", "burst").containsEntry("ttl-hours", "2");
                assertThat(join.getTtlLimit()).isEqualTo(Instant.ofEpochSecond(
                        Long.parseLong(join.getLabels().get("provisioned-at"))).plus(Duration.ofHours(12)));
                assertThat(join.getAllocatable().getCpuMillis()).isEqualTo(3_800);
            });
            Set<String> workers = joins.stream().map(NodeJoined::getWorker).collect(Collectors.toSet());
            assertThat(simulatedVmNames()).containsAll(workers);
            Awaitility.await().atMost(WAIT).untilAsserted(() ->
                    assertThat(get("/pools/burst")).containsEntry("desired", 2).containsEntry("workers", 2));

            String expiring = workers.iterator().next();
            NodeJoined extending = joins.stream().filter(join -> !join.getWorker().equals(expiring))
                    .findFirst().orElseThrow();
            Instant extended = extending.getTtlDeadline().plus(Duration.ofHours(2));
            publishTtlEvent(extending.getWorker(), TtlExtended.newBuilder().setSubjectId(extending.getWorker())
                    .setSubjectType(SubjectType.WORKER).setPreviousDeadline(extending.getTtlDeadline())
                    .setNewDeadline(extended).setExtensionsUsed(1).setRequestId("extend-" + extending.getWorker())
                    .build());
            Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(nodeLabels(extending.getWorker()))
                    .containsEntry("ttl", Long.toString(extended.getEpochSecond())).containsEntry("ttl-hours", "4"));
            Awaitility.await().atMost(WAIT).until(() -> nodes.values().stream().anyMatch(state -> state != null
                    && state.getNode().equals(extending.getWorker()) && extended.equals(state.getTtlDeadline())));

            expire(expiring);
            Awaitility.await().atMost(WAIT).until(() -> removed(events).contains(expiring));
            Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(simulatedVmNames()).doesNotContain(expiring)
                    .containsAll(workers.stream().filter(worker -> !worker.equals(expiring)).toList()));

            assertThat(post("/pools/burst/scale", Map.of("count", 0)).code()).isEqualTo(202);
            Awaitility.await().atMost(WAIT).until(() -> removed(events).containsAll(workers));
            Awaitility.await().atMost(WAIT).untilAsserted(() ->
                    assertThat(simulatedVmNames()).doesNotContainAnyElementsOf(workers));
            Awaitility.await().atMost(WAIT).untilAsserted(() ->
                    assertThat(get("/pools/burst")).containsEntry("desired", 0).containsEntry("workers", 0));
        }
    }

    @Test
    void shouldRefuseScalingBeyondThePoolsBoundsNamingTheLimit() {
        HttpClientResponseException tooMany = refused("/pools/burst/scale", Map.of("count", 21));
        assertThat(tooMany.getStatus().getCode()).isEqualTo(400);
        assertThat(errorOf(tooMany)).containsEntry("field", "count");
        assertThat((String) errorOf(tooMany).get("error")).contains("maximum").contains("20");

        HttpClientResponseException tooFew = refused("/pools/permanent/scale", Map.of("count", 2));
        assertThat((String) errorOf(tooFew).get("error")).contains("minimum").contains("3");
    }

    @Test
    void shouldRefuseUnknownPoolsTemplatesAndTooLongLifetimes() {
        assertThat(errorOf(refused("/pools/nope/scale", Map.of("count", 1)))).containsEntry("field", "name");
        assertThat(errorOf(refused("/pools/burst/scale", Map.of("count", 1, "template", "huge"))))
                .containsEntry("field", "template");
        assertThat(errorOf(refused("/pools/burst/scale", Map.of("count", 1, "ttl_hours", 13))))
                .containsEntry("field", "ttl_hours");
        assertThat(errorOf(refused("/pools/burst/scale", Map.of("count", "two")))).containsEntry("field", "count");
        assertThat(errorOf(refused("/pools/gpu/scale", Map.of("count", 1, "ttl_hours", 2))))
                .containsEntry("field", "ttl_hours");
    }

    @Test
    void shouldRefuseToRemoveAProtectedWorkerWithTheReason() {
        Awaitility.await().atMost(WAIT).until(() -> http.toBlocking().retrieve(HttpRequest.GET("/workers"),
                Argument.listOf(Map.class)).size() >= 3);
        HttpClientResponseException forbidden = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.DELETE("/workers/worker-permanent-001")));
        assertThat(forbidden.getStatus().getCode()).isEqualTo(403);
        assertThat((String) errorOf(forbidden).get("error")).contains("protected").contains("force=true");

        HttpClientResponseException unknown = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.DELETE("/workers/control-plane-1")));
        assertThat(unknown.getStatus().getCode()).isEqualTo(404);
    }

    /**
     * The cost service enforces a budget on the burst pool: scaling up is refused (403) with its reason,
     * scaling up with one more worker too; once the tombstone lifts it, {@code scale} is accepted.
     */
    private HttpResponse<Map<String, Object>> scaleOnceTheBudgetIsLifted(Map<String, Object> scale) {
        String budget = KafkaTestEnvironment.get().uniqueName("pool-burst-monthly");
        String reason = "Budget " + budget + " is exhausted ($200.00 of $200.00 in 2026-12): scale-up of pool burst "
                + "is refused until 2027-01-01T00:00:00Z";
        try {
            publishEnforcement(budget, BudgetEnforcement.newBuilder()
                    .setHeader(EventHeaders.first("cost-test", Clock.systemUTC())).setBudget(budget).setPool("burst")
                    .setPeriodStart(Instant.parse("2026-12-01T00:00:00Z"))
                    .setPeriodEnd(Instant.parse("2027-01-01T00:00:00Z")).setReason(reason).build());
            Awaitility.await().atMost(WAIT).untilAsserted(() ->
                    assertThat(get("/pools/burst")).containsEntry("scale_up_refused", reason));
            HttpClientResponseException blocked = refused("/pools/burst/scale", scale);
            assertThat(blocked.getStatus().getCode()).isEqualTo(403);
            assertThat(errorOf(blocked)).containsEntry("error", reason);
            HttpClientResponseException oneMore = refused("/pools/burst/workers", Map.of("template", "small"));
            assertThat(oneMore.getStatus().getCode()).isEqualTo(403);
            assertThat(errorOf(oneMore)).containsEntry("error", reason);
        } finally {
            publishEnforcement(budget, null);
        }
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                assertThat(get("/pools/burst").get("scale_up_refused")).isNull());
        return post("/pools/burst/scale", scale);
    }

    /** Publishes an enforcement of {@code budget} on rm.cost.enforcements as the cost service would; null lifts it. */
    private static void publishEnforcement(String budget, BudgetEnforcement enforcement) {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        try (EventPublisher publisher = EventPublisher.connect(env.bootstrapServers(),
                RegistrySettings.atBaseAddress(env.registryBaseUrl()), "cost-test")) {
            (enforcement == null ? publisher.publishTombstone(Topics.COST_ENFORCEMENTS, budget)
                    : publisher.publish(Topics.COST_ENFORCEMENTS, budget, enforcement)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the budget enforcement", e);
        }
    }

    /** What the TTL service publishes when a worker's deadline passed (no grace, to keep the test short). */
    private void expire(String worker) {
        publishTtlEvent(worker, TtlExpired.newBuilder().setSubjectId(worker).setSubjectType(SubjectType.WORKER)
                .setDeadline(Instant.now()).setReason(ExpiryReason.DEADLINE).setGraceSeconds(0).build());
    }

    /** Publishes {@code payload} on rm.ttl.events as the TTL service would, keyed by the worker. */
    private static void publishTtlEvent(String worker, SpecificRecord payload) {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        try (EventPublisher publisher = EventPublisher.connect(env.bootstrapServers(),
                RegistrySettings.atBaseAddress(env.registryBaseUrl()), "ttl-test")) {
            publisher.publish(Topics.TTL_EVENTS, worker, TtlEventEnvelope.newBuilder()
                    .setHeader(EventHeaders.first("ttl-test", Clock.systemUTC())).setPayload(payload).build())
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the TTL event", e);
        }
    }

    private Map<String, String> nodeLabels(String node) {
        try (KubernetesClient client = KubernetesClients.connect(simulator.kubernetesUrl())) {
            return client.nodes().withName(node).get().getMetadata().getLabels();
        }
    }

    private HttpResponse<Map<String, Object>> post(String path, Map<String, Object> body) {
        return http.toBlocking().exchange(HttpRequest.POST(path, body), Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> get(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path), Argument.mapOf(String.class, Object.class));
    }

    private HttpClientResponseException refused(String path, Map<String, Object> body) {
        return catchThrowableOfType(HttpClientResponseException.class, () -> post(path, body));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> errorOf(HttpClientResponseException exception) {
        return exception.getResponse().getBody(Map.class).orElseThrow();
    }

    private Set<String> simulatedVmNames() {
        return simulator.vms().stream().map(vm -> vm.name()).collect(Collectors.toSet());
    }

    /** Burst joins since {@code since} (the topic also holds joins of other test classes on this broker). */
    private static List<NodeJoined> joinedSince(RecordCollector<String, ProvisioningEventEnvelope> events,
                                                Instant since) {
        return events.values().stream().filter(event -> event.getPayload() instanceof NodeJoined join
                        && "burst".equals(join.getPool()) && join.getJoinedAt().isAfter(since))
                .map(event -> (NodeJoined) event.getPayload()).toList();
    }

    private static Set<String> removed(RecordCollector<String, ProvisioningEventEnvelope> events) {
        return events.values().stream().filter(event -> event.getPayload() instanceof NodeRemoved)
                .map(event -> ((NodeRemoved) event.getPayload()).getWorker()).collect(Collectors.toSet());
    }
}
