package io.resourcemanager.allocation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.resourcemanager.events.SubjectType;
import io.resourcemanager.events.TtlEventEnvelope;
import io.resourcemanager.events.TtlExtended;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.SimulatedClusterContract;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.resourcemanager.simulator.kubernetes.KubernetesClients;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The allocation API over REST, end to end through the ledger on a real broker and registry. */
@MicronautTest
class AllocationServiceIT extends SimulatedClusterContract {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private final String cluster = KafkaTestEnvironment.get().uniqueName("cluster");

    @Inject
    EventPublisher publisher;

    @Override
    protected Map<String, String> serviceProperties() {
        Map<String, String> service = new HashMap<>();
        service.put("rm.allocation.cluster", cluster);
        service.put("rm.allocation.max-workers", "10");
        service.put("rm.allocation.quotas.limited.cpu", "1");
        service.put("rm.allocation.quotas.limited.memory", "2048");
        service.put("rm.allocation.reservations.night-shift.owner", "nightly");
        service.put("rm.allocation.reservations.night-shift.cpu", "1");
        service.put("rm.allocation.reservations.night-shift.memory", "1024");
        service.put("rm.allocation.reservations.night-shift.window", "22:00-06:00");
        return service;
    }

    @Test
    void shouldHoldTheReferenceScenarioOverRest() throws Exception {
        addNode(cluster + "-a");
        addNode(cluster + "-b");
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> capacity().get("total_workers").equals(10));
        LedgerWarmUp.awaitNodesKnown(http, cluster);

        Map<String, Object> granted = post(Map.of("job_id", cluster + "-job-1", "mcp_servers", List.of(), "workers", 4));

        assertThat(granted).containsEntry("status", "active").containsEntry("job_id", cluster + "-job-1");
        assertThat((String) granted.get("allocation_id")).matches("alloc-[0-9a-f]{12}");
        assertThat((List<?>) granted.get("workers_allocated")).hasSize(4);
        assertThat((Map<String, Object>) granted.get("resources"))
                .containsEntry("cpu", 4.0).containsEntry("memory", 8192).containsEntry("workers", 4);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(capacity())
                .containsEntry("allocated_cpu", 4.0).containsEntry("allocated_memory", 8192)
                .containsEntry("allocated_workers", 4).containsEntry("available_cpu", 12.0)
                .containsEntry("available_memory", 24576).containsEntry("available_workers", 6)
                .containsEntry("active_allocations", 1));

        Map<String, Object> refused = post(Map.of("job_id", cluster + "-job-2", "mcp_servers", List.of(), "workers", 10));

        assertThat(refused).containsEntry("status", "failed")
                .containsEntry("error", "Insufficient workers: requested 10, available 6");

        String id = (String) granted.get("allocation_id");
        Map<String, Object> released = http.toBlocking().retrieve(HttpRequest.DELETE("/allocations/" + id), JSON);
        assertThat(released).containsEntry("status", "released").containsEntry("workers_released", 4)
                .containsEntry("cpu_freed", 4.0).containsEntry("memory_freed", 8192);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                http.toBlocking().retrieve(HttpRequest.DELETE("/allocations/" + id), JSON))
                .containsEntry("status", "already_released"));
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/allocations/" + id), JSON)).containsEntry("state", "released");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldStartTheMcpServersAGrantedAllocationNeeds() {
        Map<String, Object> granted = post(Map.of("job_id", cluster + "-job-mcp", "mcp_servers", List.of("filesystem")));

        Map<String, Object> server = ((List<Map<String, Object>>) granted.get("mcp_servers")).get(0);
        assertThat(server).containsEntry("name", "filesystem");
        assertThat(server.get("status")).isIn("starting", "running");
        try (KubernetesClient client = KubernetesClients.connect(simulator.kubernetesUrl())) {
            Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                    client.apps().deployments().inNamespace("default").withName("mcp-filesystem").get()
                            .getSpec().getReplicas()).isEqualTo(1));
        }
        http.toBlocking().retrieve(HttpRequest.DELETE("/allocations/" + granted.get("allocation_id")), JSON);
    }

    @Test
    void shouldApplyConfiguredDivisionQuotas() {
        Map<String, Object> refused = post(Map.of("job_id", cluster + "-job-q", "mcp_servers", List.of(), "workers", 2,
                "metadata", Map.of("division", "limited")));

        assertThat(refused).containsEntry("status", "failed");
        assertThat((String) refused.get("error")).startsWith("Quota exceeded for division limited");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCleanUpAllocationsPastTheirTtl() {
        Map<String, Object> granted = post(Map.of("job_id", cluster + "-job-short", "mcp_servers", List.of(), "ttl_seconds", 1));
        String id = (String) granted.get("allocation_id");
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                http.toBlocking().retrieve(HttpRequest.GET("/allocations/" + id), JSON)).containsEntry("is_expired", true));

        Map<String, Object> cleaned = http.toBlocking().retrieve(HttpRequest.POST("/allocations/cleanup-expired", ""), JSON);

        assertThat((List<String>) cleaned.get("cleaned_up")).contains(id);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                http.toBlocking().retrieve(HttpRequest.GET("/allocations/" + id), JSON)).containsEntry("state", "expired"));
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/allocations?state=expired&job_id=" + cluster + "-job-short"),
                Argument.listOf(JSON))).extracting(a -> a.get("allocation_id")).containsExactly(id);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldFollowADeadlineExtensionFromTheTtlService() {
        Map<String, Object> granted = post(Map.of("job_id", cluster + "-job-extended", "mcp_servers", List.of(),
                "ttl_seconds", 60));
        String id = (String) granted.get("allocation_id");
        Map<String, Object> viewed = Awaitility.await().atMost(WAIT).ignoreExceptions()
                .until(() -> http.toBlocking().retrieve(HttpRequest.GET("/allocations/" + id), JSON),
                        body -> "active".equals(body.get("state")));
        Instant activatedAt = Instant.parse((String) ((Map<String, Object>) viewed.get("timestamps")).get("activated_at"));

        // Published again until applied: the ledger routes it only once it knows the allocation's cluster.
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            publisher.publish(Topics.TTL_EVENTS, id,
                    ttlExtended(id, activatedAt.plusSeconds(60), activatedAt.plusSeconds(3600))).get();
            assertThat(http.toBlocking().retrieve(HttpRequest.GET("/allocations/" + id), JSON))
                    .containsEntry("ttl_seconds", 3600).containsEntry("is_expired", false);
        });
    }

    private static TtlEventEnvelope ttlExtended(String id, Instant previousDeadline, Instant newDeadline) {
        return TtlEventEnvelope.newBuilder().setHeader(Events.header())
                .setPayload(TtlExtended.newBuilder().setSubjectId(id).setSubjectType(SubjectType.ALLOCATION)
                        .setPreviousDeadline(previousDeadline).setNewDeadline(newDeadline).setExtensionsUsed(1).build())
                .build();
    }

    @Test
    void shouldServeItsOpenApiDocument() {
        String document = http.toBlocking().retrieve(HttpRequest.GET("/openapi/allocation-service-1.0.yml"));

        assertThat(document).contains("/allocations/{id}", "/allocations/cleanup-expired", "/capacity");
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownAllocation() {
        HttpClientResponseException error = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.DELETE("/allocations/alloc-000000000000"), JSON));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(error.getResponse().getBody(JSON).orElseThrow())
                .containsEntry("error", "Allocation alloc-000000000000 not found");
    }

    @Test
    void shouldNameTheBadFieldOfInvalidInput() {
        assertThat(badRequest("{\"mcp_servers\": []}")).containsEntry("field", "job_id");
        assertThat(badRequest("{\"job_id\": \"j\", \"mcp_servers\": [], \"priority\": \"urgent\"}"))
                .containsEntry("field", "priority");
        assertThat(badRequest("{\"job_id\": \"j\", \"mcp_servers\": [], \"workers\": -1}")).containsEntry("field", "workers");
        assertThat(badRequest("{\"job_id\": \"j\", \"mcp_servers\": [], \"ttl_seconds\": 0}"))
                .containsEntry("field", "ttl_seconds");
        assertThat(badRequest("{\"job_id\": ")).containsEntry("field", "body");
    }

    private Map<String, Object> badRequest(String body) {
        HttpClientResponseException error = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/allocations", body), JSON));
        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        return error.getResponse().getBody(JSON).orElseThrow();
    }

    private Map<String, Object> post(Map<String, Object> body) {
        HttpResponse<Map<String, Object>> response = http.toBlocking().exchange(HttpRequest.POST("/allocations", body), JSON);
        assertThat(response.getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
        return response.body();
    }

    private Map<String, Object> capacity() {
        return http.toBlocking().retrieve(HttpRequest.GET("/capacity"), JSON);
    }

    private void addNode(String name) throws Exception {
        publisher.publish(Topics.NODES, name, Events.node(name, cluster, 8000, 16384)).get();
    }
}
