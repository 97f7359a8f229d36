package io.resourcemanager.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeFactsTest {

    @Test
    void shouldReadAllocatableResourcesInProjectUnits() {
        Node node = aNode("True", false, Map.of(
                "cpu", new Quantity("7800m"), "memory", new Quantity("15360Mi"),
                "pods", new Quantity("100"), NodeFacts.GPU_RESOURCE, new Quantity("1")));

        assertThat(NodeFacts.allocatableCpuMillis(node)).isEqualTo(7_800);
        assertThat(NodeFacts.allocatableMemoryMb(node)).isEqualTo(15_360);
        assertThat(NodeFacts.allocatablePods(node)).isEqualTo(100);
        assertThat(NodeFacts.allocatableGpu(node)).isEqualTo(1);
    }

    @Test
    void shouldReadWholeCoresAndGibibytes() {
        Node node = aNode("True", false, Map.of("cpu", new Quantity("16"), "memory", new Quantity("30Gi")));

        assertThat(NodeFacts.allocatableCpuMillis(node)).isEqualTo(16_000);
        assertThat(NodeFacts.allocatableMemoryMb(node)).isEqualTo(30_720);
        assertThat(NodeFacts.allocatableGpu(node)).isZero();
    }

    @Test
    void shouldBeReadyOnlyWhenTheReadyConditionIsTrue() {
        assertThat(NodeFacts.ready(aNode("True", false, Map.of()))).isTrue();
        assertThat(NodeFacts.ready(aNode("Unknown", false, Map.of()))).isFalse();
        assertThat(NodeFacts.ready(new NodeBuilder().withNewMetadata().withName("bare").endMetadata().build())).isFalse();
    }

    @Test
    void shouldSeeACordonedNodeAsUnschedulable() {
        assertThat(NodeFacts.schedulable(aNode("True", true, Map.of()))).isFalse();
        assertThat(NodeFacts.schedulable(aNode("True", false, Map.of()))).isTrue();
    }

    @Test
    void shouldReadThePoolLabel() {
        assertThat(NodeFacts.pool(aNode("True", false, Map.of()))).contains("burst");
    }

    private static Node aNode(String ready, boolean cordoned, Map<String, Quantity> allocatable) {
        return new NodeBuilder()
                .withNewMetadata().withName("worker-burst-001").withLabels(Map.of(NodeFacts.POOL_LABEL, "burst")).endMetadata()
                .withNewSpec().withUnschedulable(cordoned).endSpec()
                .withNewStatus()
                .withAllocatable(allocatable)
                .addNewCondition().withType("Ready").withStatus(ready).endCondition()
                .endStatus()
                .build();
    }
}
