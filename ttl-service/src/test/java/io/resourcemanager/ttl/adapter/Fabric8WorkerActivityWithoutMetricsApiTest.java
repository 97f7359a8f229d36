package io.resourcemanager.ttl.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.fabric8.kubernetes.api.model.NodeListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.resourcemanager.kafka.testing.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A cluster without metrics-server: the mock API server lists a temporary worker and answers 404 for metrics. */
@EnableKubernetesMockClient
class Fabric8WorkerActivityWithoutMetricsApiTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void shouldReportNoWorkerAndSayItOnlyOnce() {
        server.expect().get().withPath("/api/v1/nodes?labelSelector=ttl")
                .andReturn(200, new NodeListBuilder().addToItems(ClusterFixtures.aTemporaryWorker("burst-1").build())
                        .build())
                .always();
        try (LogCapture logs = LogCapture.of(Fabric8WorkerActivity.class)) {
            Fabric8WorkerActivity activity = new Fabric8WorkerActivity(client, ActivityProperties.defaults(),
                    new MutableClock(Instant.parse("2026-03-01T10:00:00Z")));

            assertThat(activity.sample()).isEmpty();
            assertThat(activity.sample()).isEmpty();
            assertThat(activity.sample()).isEmpty();

            assertThat(logs.at(Level.WARN)).singleElement().asString().contains("no resource metrics API");
            assertThat(server.getRequestCount()).as("nodes and metrics, no pods without usage").isEqualTo(6);
        }
    }
}
