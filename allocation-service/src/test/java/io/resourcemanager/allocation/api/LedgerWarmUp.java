package io.resourcemanager.allocation.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Node changes reach the ledger through a repartition topic, requests directly: right after nodes
 * are published, a request can reach the ledger first and be refused. Tests that need the nodes wait
 * with a probe request until one is granted, then give the probe back.
 */
final class LedgerWarmUp {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private LedgerWarmUp() {
    }

    static void awaitNodesKnown(HttpClient http, String jobPrefix) {
        Map<String, Object> probe = Map.of("job_id", jobPrefix + "-probe", "mcp_servers", List.of(), "workers", 1);
        Map<String, Object> granted = Awaitility.await().atMost(WAIT).until(
                () -> http.toBlocking().retrieve(HttpRequest.POST("/allocations", probe), JSON),
                answer -> "active".equals(answer.get("status")));
        // the release looks the grant up in the views, which may lag the ledger's answer by a moment
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> http.toBlocking()
                .retrieve(HttpRequest.DELETE("/allocations/" + granted.get("allocation_id")), JSON) != null);
        Awaitility.await().atMost(WAIT).until(() ->
                http.toBlocking().retrieve(HttpRequest.GET("/capacity"), JSON).get("allocated_workers").equals(0));
    }
}
