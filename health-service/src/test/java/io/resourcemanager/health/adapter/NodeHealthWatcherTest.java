package io.resourcemanager.health.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.resourcemanager.events.NodeConditionSnapshot;
import io.resourcemanager.events.NodeHealth;
import io.resourcemanager.events.NodeHealthChanged;
import io.resourcemanager.health.config.HealthProperties;
import io.resourcemanager.kafka.testing.MutableClock;
import io.resourcemanager.kubernetes.NodeFacts;
import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The node observation against the simulator's Kubernetes API (no kubelets: the test writes the nodes). */
class NodeHealthWatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant START = Instant.parse("2030-01-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final RecordingHealthPublisher publisher = new RecordingHealthPublisher();
    private InfraSimulator simulator;
    private KubernetesClient client;
    private KubeletRestartWatcher restarts;
    private NodeHealthWatcher watcher;

    @BeforeEach
    void start() {
        simulator = InfraSimulator.start(SimulatorConfig.defaults().withProxmoxPort(0).withKubernetesPort(0)
                .withTimeScale(0.01).withInitialPermanentNodes(0));
        client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder().withMasterUrl(simulator.kubernetesUrl()).build()).build();
        HealthProperties properties = new HealthProperties(Duration.ofMillis(200), Duration.ofMinutes(2),
                Duration.ofMinutes(20));
        restarts = new KubeletRestartWatcher(client, clock, properties);
        watcher = new NodeHealthWatcher(client, publisher, restarts, clock, properties, "health-test");
    }

    @AfterEach
    void stop() {
        watcher.stop();
        restarts.stop();
        client.close();
        simulator.close();
    }

    @Test
    void shouldPublishTheSignalWhenDiskPressureTurnsTrue() {
        client.nodes().resource(aNode("n1", healthyConditions())).create();
        awaitChange("n1", c -> c.getHealth() == NodeHealth.HEALTHY);

        Instant pressured = START.plusSeconds(30);
        List<NodeCondition> conditions = new ArrayList<>(healthyConditions());
        conditions.set(1, condition("DiskPressure", "True", pressured, pressured));
        client.nodes().resource(aNode("n1", conditions)).update();

        NodeHealthChanged changed = awaitChange("n1", c -> c.getHealth() == NodeHealth.DEGRADED);
        assertThat(changed.getPreviousHealth()).isEqualTo(NodeHealth.HEALTHY);
        assertThat(changed.getPool()).isEqualTo("burst");
        assertThat(conditionOf(changed, "DiskPressure")).hasValueSatisfying(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getSince()).isEqualTo(pressured);
        });
    }

    @Test
    void shouldCountThreeKubeletStartsAsThreeRestarts() {
        client.nodes().resource(aNode("n2", healthyConditions())).create();
        awaitChange("n2", c -> c.getHealth() == NodeHealth.HEALTHY);

        for (int i = 1; i <= 3; i++) {
            client.v1().events().inNamespace("default").resource(kubeletStarting("n2", i, START.plusSeconds(i))).create();
        }
        client.v1().events().inNamespace("default").resource(new EventBuilder(kubeletStarting("n2", 4, START))
                .withReason("Starting").withMessage("Starting kube-proxy.")
                .editSource().withComponent("kube-proxy").endSource().build()).create();

        NodeHealthChanged changed = awaitChange("n2", c -> c.getKubeletRestarts() == 3);
        assertThat(changed.getHealth()).isEqualTo(NodeHealth.DEGRADED);
        assertThat(publisher.published("n2", c -> c.getKubeletRestarts() > 3)).isEmpty();
    }

    @Test
    void shouldTurnAReadyNodeUnhealthyWhenItsHeartbeatGoesStale() {
        client.nodes().resource(aNode("n3", healthyConditions())).create();
        awaitChange("n3", c -> c.getHealth() == NodeHealth.HEALTHY);

        clock.advance(Duration.ofMinutes(3));

        NodeHealthChanged changed = awaitChange("n3", c -> c.getHealth() == NodeHealth.UNHEALTHY);
        assertThat(conditionOf(changed, "Ready")).hasValueSatisfying(c -> {
            assertThat(c.getStatus()).isEqualTo("Unknown");
            assertThat(c.getReason()).isEqualTo("HeartbeatStale");
            assertThat(c.getSince()).isEqualTo(START);
        });
    }

    @Test
    void shouldJudgeANodeWithoutConditionsUnknownAndKeepWatchingTheOthers() {
        client.nodes().resource(aNode("bare", List.of())).create();
        awaitChange("bare", c -> c.getHealth() == NodeHealth.UNKNOWN);

        client.nodes().resource(aNode("n4", healthyConditions())).create();

        awaitChange("n4", c -> c.getHealth() == NodeHealth.HEALTHY);
        assertThat(publisher.published("bare", c -> true)).hasSize(1);
    }

    @Test
    void shouldPublishAgainAtTheNextResyncWhenKafkaDidNotAcknowledge() {
        publisher.failNext(1);
        client.nodes().resource(aNode("n5", healthyConditions())).create();

        NodeHealthChanged changed = awaitChange("n5", c -> c.getHealth() == NodeHealth.HEALTHY);
        assertThat(changed.getPreviousHealth()).isEqualTo(NodeHealth.UNKNOWN);
        assertThat(publisher.published("n5", c -> true)).hasSize(1);
    }

    private NodeHealthChanged awaitChange(String node, Predicate<NodeHealthChanged> matching) {
        return await().atMost(WAIT).until(() -> publisher.published(node, matching), list -> !list.isEmpty()).get(0);
    }

    private static Optional<NodeConditionSnapshot> conditionOf(NodeHealthChanged changed, String type) {
        return changed.getConditions().stream().filter(c -> c.getType().equals(type)).findFirst();
    }

    private static Node aNode(String name, List<NodeCondition> conditions) {
        return new NodeBuilder().withNewMetadata().withName(name).addToLabels(NodeFacts.POOL_LABEL, "burst").endMetadata()
                .withNewStatus().withConditions(conditions).endStatus().build();
    }

    private static List<NodeCondition> healthyConditions() {
        return List.of(condition("Ready", "True", START, START), condition("DiskPressure", "False", START, START),
                condition("MemoryPressure", "False", START, START));
    }

    private static NodeCondition condition(String type, String status, Instant since, Instant heartbeat) {
        return new NodeConditionBuilder().withType(type).withStatus(status).withReason("Test")
                .withLastTransitionTime(since.truncatedTo(ChronoUnit.SECONDS).toString())
                .withLastHeartbeatTime(heartbeat.truncatedTo(ChronoUnit.SECONDS).toString()).build();
    }

    private static Event kubeletStarting(String node, int n, Instant at) {
        return new EventBuilder().withNewMetadata().withName(node + ".start" + n).withNamespace("default").endMetadata()
                .withNewInvolvedObject().withKind("Node").withName(node).withUid(node).endInvolvedObject()
                .withReason("Starting").withMessage("Starting kubelet.").withType("Normal").withCount(1)
                .withNewSource().withComponent("kubelet").withHost(node).endSource()
                .withFirstTimestamp(at.toString()).withLastTimestamp(at.toString()).build();
    }
}
