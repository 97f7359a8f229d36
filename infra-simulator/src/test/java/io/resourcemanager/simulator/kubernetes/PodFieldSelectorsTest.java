package io.resourcemanager.simulator.kubernetes;

import static io.resourcemanager.simulator.kubernetes.Workloads.aPod;
import static io.resourcemanager.simulator.kubernetes.Workloads.aRunningPod;
import static io.resourcemanager.simulator.kubernetes.Workloads.create;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.testing.FastSimulator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pod lists by {@code spec.nodeName} and {@code status.phase}, as the API server filters them. */
class PodFieldSelectorsTest {

    private static InfraSimulator simulator;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        simulator = FastSimulator.start();
        client = KubernetesClients.connect(simulator.kubernetesUrl());
        create(client, aRunningPod("on-one", "web", "worker-permanent-001").build());
        create(client, aRunningPod("on-two", "web", "worker-permanent-002").build());
        create(client, aPod("waiting", "web").build());
    }

    @AfterAll
    static void stop() {
        client.close();
        simulator.close();
    }

    @Test
    void shouldListThePodsBoundToANode() {
        assertThat(names(client.pods().inAnyNamespace().withField("spec.nodeName", "worker-permanent-001")
                .list().getItems())).containsExactly("on-one");
    }

    @Test
    void shouldListPodsByPhaseCountingAPodWithoutStatusAsPending() {
        assertThat(names(client.pods().inNamespace("default").withField("status.phase", "Pending").list().getItems()))
                .containsExactly("waiting");
        assertThat(names(client.pods().inNamespace("default").withoutField("status.phase", "Pending").list()
                .getItems())).containsExactlyInAnyOrder("on-one", "on-two");
    }

    @Test
    void shouldCombineWithTheFieldsTheStoreEvaluatesItself() {
        assertThat(names(client.pods().inNamespace("default").withField("spec.nodeName", "worker-permanent-002")
                .withField("metadata.name", "on-two").list().getItems())).containsExactly("on-two");
        assertThat(names(client.pods().inNamespace("default").withField("spec.nodeName", "worker-permanent-002")
                .withField("metadata.name", "on-one").list().getItems())).isEmpty();
    }

    private static List<String> names(List<Pod> pods) {
        return pods.stream().map(pod -> pod.getMetadata().getName()).toList();
    }
}
