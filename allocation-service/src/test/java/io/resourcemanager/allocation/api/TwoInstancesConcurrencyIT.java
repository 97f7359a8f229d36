package io.resourcemanager.allocation.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.SimulatedClusterContract;
import io.resourcemanager.kafka.testing.ServiceTestProperties;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service share the ledger; 60 requesters race through both for a cluster that
 * fits 16 workers. Every request gets exactly one decision, no node is over-committed, and either
 * instance answers every read.
 */
@MicronautTest
class TwoInstancesConcurrencyIT extends SimulatedClusterContract {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    private static final int REQUESTERS = 60;

    private final String cluster = KafkaTestEnvironment.get().uniqueName("race");

    @Inject
    EventPublisher publisher;

    @Override
    protected Map<String, String> serviceProperties() {
        Map<String, String> service = new HashMap<>();
        service.put("rm.allocation.cluster", cluster);
        service.put("rm.allocation.decision-timeout", "20s");
        return service;
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGrantExactlyWhatFitsToConcurrentRequestersOnTwoInstances() throws Exception {
        for (String node : List.of(cluster + "-a", cluster + "-b")) {
            publisher.publish(Topics.NODES, node, Events.node(node, cluster, 8000, 16384)).get();
        }
        Map<String, Object> second = new HashMap<>(properties);
        second.put("kafka.state-dir", ServiceTestProperties.forSharedKafka().get("kafka.state-dir"));
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, second);
             HttpClient otherHttp = HttpClient.create(other.getURL())) {
            List<HttpClient> instances = List.of(http, otherHttp);
            Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> instances.stream().allMatch(client ->
                    client.toBlocking().retrieve(HttpRequest.GET("/capacity"), JSON).get("total_workers").equals(16)));

            LedgerWarmUp.awaitNodesKnown(http, cluster);

            List<Map<String, Object>> answers = race(instances);

            assertThat(answers).hasSize(REQUESTERS)
                    .allSatisfy(answer -> assertThat(answer.get("status")).isIn("active", "failed"));
            List<Map<String, Object>> granted = answers.stream().filter(a -> "active".equals(a.get("status"))).toList();
            assertThat(granted).hasSize(16);
            Map<Object, Long> perNode = granted.stream()
                    .flatMap(a -> ((List<Map<String, Object>>) a.get("workers_allocated")).stream())
                    .collect(Collectors.groupingBy(worker -> worker.get("node"), Collectors.counting()));
            assertThat(perNode.values()).allSatisfy(slots -> assertThat(slots).isLessThanOrEqualTo(8L));
            for (HttpClient client : instances) {
                Awaitility.await().atMost(WAIT).untilAsserted(() -> {
                    assertThat(client.toBlocking().retrieve(HttpRequest.GET("/capacity"), JSON))
                            .containsEntry("allocated_workers", 16).containsEntry("available_workers", 0);
                    assertThat(client.toBlocking().retrieve(
                            HttpRequest.GET("/allocations/" + granted.get(0).get("allocation_id")), JSON))
                            .containsEntry("state", "active");
                });
            }
        }
    }

    private List<Map<String, Object>> race(List<HttpClient> instances) throws Exception {
        ExecutorService requesters = Executors.newFixedThreadPool(REQUESTERS);
        try {
            List<Callable<Map<String, Object>>> calls = new ArrayList<>();
            for (int i = 0; i < REQUESTERS; i++) {
                HttpClient client = instances.get(i % instances.size());
                Map<String, Object> body = Map.of("job_id", cluster + "-racer-" + i, "mcp_servers", List.of(), "workers", 1);
                calls.add(() -> client.toBlocking().retrieve(HttpRequest.POST("/allocations", body), JSON));
            }
            List<Map<String, Object>> answers = new ArrayList<>();
            for (Future<Map<String, Object>> answer : requesters.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            requesters.shutdownNow();
        }
    }
}
