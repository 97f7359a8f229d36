package io.resourcemanager.simulator.kubernetes;

import static io.resourcemanager.simulator.kubernetes.Workloads.aPod;
import static io.resourcemanager.simulator.kubernetes.Workloads.aRunningPod;
import static io.resourcemanager.simulator.kubernetes.Workloads.create;
import static io.resourcemanager.simulator.kubernetes.Workloads.maxUnavailable;
import static io.resourcemanager.simulator.kubernetes.Workloads.minAvailable;
import static io.resourcemanager.simulator.kubernetes.Workloads.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.EvictionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.testing.FastSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The eviction subresource of the simulated API server, through a real client and raw HTTP. */
class PodEvictionsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static InfraSimulator simulator;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        simulator = FastSimulator.start();
        client = KubernetesClients.connectWithoutRetries(simulator.kubernetesUrl());
    }

    @AfterAll
    static void stop() {
        client.close();
        simulator.close();
    }

    @Test
    void shouldDeleteAPodNoBudgetProtects() {
        create(client, aRunningPod("free-1", "free", "worker-permanent-001").build());

        assertThat(evict("free-1")).isTrue();
        assertThat(client.pods().inNamespace("default").withName("free-1").get()).isNull();
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownPod() {
        KubernetesClientException error = catchThrowableOfType(KubernetesClientException.class, () -> evict("nope"));

        assertThat(error.getCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseWithTheApiServersMessageWhenMinAvailableWouldBeViolated() throws Exception {
        client.resource(minAvailable("web-pdb", "web", new IntOrString(2))).create();
        for (int i = 1; i <= 3; i++) {
            create(client, aRunningPod("web-" + i, "web", "worker-permanent-001").build());
        }

        assertThat(evict("web-1")).isTrue();
        HttpResponse<String> refused = postEviction("web-2");

        assertThat(refused.statusCode()).isEqualTo(429);
        Status status = Serialization.unmarshal(refused.body(), Status.class);
        assertThat(status.getMessage()).isEqualTo("Cannot evict pod as it would violate the pod's disruption budget.");
        assertThat(status.getReason()).isEqualTo("TooManyRequests");
        assertThat(status.getDetails().getCauses().get(0).getMessage())
                .isEqualTo("The disruption budget web-pdb needs 2 healthy pods and has 2 currently");
        assertThat(client.pods().inNamespace("default").withLabel("app", "web").list().getItems()).hasSize(2);
    }

    @Test
    void shouldScaleMaxUnavailableFromTheControllersReplicas() {
        StatefulSet db = client.resource(new StatefulSetBuilder().withNewMetadata().withName("db").endMetadata()
                .withNewSpec().withReplicas(3).withNewSelector().withMatchLabels(Map.of("app", "db")).endSelector()
                .endSpec().build()).create();
        client.resource(maxUnavailable("db-pdb", "db", new IntOrString(1))).create();
        for (int i = 0; i < 3; i++) {
            create(client, ownedBy(aRunningPod("db-" + i, "db", "worker-permanent-002").build(), db));
        }

        assertThat(evict("db-0")).isTrue();
        assertThat(evict("db-1")).isFalse();
    }

    @Test
    void shouldRefuseEverythingWhenMaxUnavailableFindsNoController() {
        client.resource(maxUnavailable("bare-pdb", "bare", new IntOrString(1))).create();
        create(client, aRunningPod("bare-1", "bare", "worker-permanent-002").build());
        create(client, aRunningPod("bare-2", "bare", "worker-permanent-002").build());

        assertThat(evict("bare-1")).isFalse();
    }

    @Test
    void shouldEvictPodsThatAreNotRunningRegardlessOfBudgets() {
        client.resource(minAvailable("batch-pdb", "batch", new IntOrString(5))).create();
        create(client, aPod("batch-pending", "batch").build());
        create(client, aPod("batch-unready", "batch").withStatus(running(false)).build());

        assertThat(evict("batch-pending")).isTrue();
        assertThat(evict("batch-unready")).as("unready pod while the budget is unhealthy").isFalse();
    }

    @Test
    void shouldEvictAnUnreadyPodWhileTheBudgetIsHealthy() {
        client.resource(minAvailable("api-pdb", "api", new IntOrString(1))).create();
        create(client, aRunningPod("api-1", "api", "worker-permanent-003").build());
        create(client, aPod("api-2", "api").withStatus(running(false)).build());

        assertThat(evict("api-2")).isTrue();
        assertThat(evict("api-1")).isFalse();
    }

    @Test
    void shouldRejectAPodTwoBudgetsSelect() throws Exception {
        client.resource(minAvailable("twice-a", "twice", new IntOrString(0))).create();
        client.resource(minAvailable("twice-b", "twice", new IntOrString(0))).create();
        create(client, aRunningPod("twice-1", "twice", "worker-permanent-003").build());

        assertThat(postEviction("twice-1").statusCode()).isEqualTo(500);
        assertThat(client.pods().inNamespace("default").withName("twice-1").get()).isNotNull();
    }

    private static boolean evict(String pod) {
        return client.pods().inNamespace("default").withName(pod).evict(new EvictionBuilder()
                .withNewMetadata().withName(pod).withNamespace("default").endMetadata()
                .withDeleteOptions(new DeleteOptionsBuilder().withGracePeriodSeconds(30L).build()).build());
    }

    private static HttpResponse<String> postEviction(String pod) throws IOException, InterruptedException {
        String body = "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"" + pod
                + "\",\"namespace\":\"default\"}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.kubernetesUrl()
                        + "/api/v1/namespaces/default/pods/" + pod + "/eviction"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Pod ownedBy(Pod pod, StatefulSet owner) {
        return new PodBuilder(pod).editMetadata().addNewOwnerReference().withApiVersion("apps/v1")
                .withKind("StatefulSet").withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                .withController(true).endOwnerReference().endMetadata().build();
    }
}
