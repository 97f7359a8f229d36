package io.resourcemanager.provisioner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeInventoryTest {

    @Test
    void shouldAnnounceAReadyNodeThatIsNotKnownYet() {
        ObservedNode node = aNode("worker-burst-001").build();

        assertThat(NodeInventory.reconcile(Map.of(), List.of(node)))
                .containsExactly(new InventoryChange.Joined(node));
    }

    @Test
    void shouldWaitUntilANewNodeIsReadyBeforeItJoins() {
        assertThat(NodeInventory.reconcile(Map.of(), List.of(aNode("worker-burst-001").notReady().build()))).isEmpty();
    }

    @Test
    void shouldAnnounceNothingForAnUnchangedNode() {
        ObservedNode node = aNode("worker-permanent-001").inPool("permanent").build();

        assertThat(NodeInventory.reconcile(Map.of(node.name(), node), List.of(node))).isEmpty();
    }

    @Test
    void shouldReportAKnownNodeThatWasCordoned() {
        ObservedNode before = aNode("worker-burst-001").build();
        ObservedNode after = aNode("worker-burst-001").cordoned().build();

        assertThat(NodeInventory.reconcile(Map.of(before.name(), before), List.of(after)))
                .containsExactly(new InventoryChange.Changed(after));
    }

    @Test
    void shouldReportAKnownNodeThatTurnedNotReady() {
        ObservedNode before = aNode("worker-burst-001").build();
        ObservedNode after = aNode("worker-burst-001").notReady().build();

        assertThat(NodeInventory.reconcile(Map.of(before.name(), before), List.of(after)))
                .containsExactly(new InventoryChange.Changed(after));
    }

    @Test
    void shouldReportAKnownNodeThatIsGone() {
        ObservedNode gone = aNode("worker-burst-001").build();

        assertThat(NodeInventory.reconcile(Map.of(gone.name(), gone), List.of()))
                .containsExactly(new InventoryChange.Left("worker-burst-001", "burst"));
    }

    @Test
    void shouldProtectPermanentNodesOnly() {
        assertThat(aNode("a").inPool("permanent").build().isProtected()).isTrue();
        assertThat(aNode("b").inPool("burst").build().isProtected()).isFalse();
    }

    private static NodeBuilder aNode(String name) {
        return new NodeBuilder(name);
    }

    /** Ready, schedulable medium burst workers unless told otherwise. */
    private static final class NodeBuilder {
        private final String name;
        private String pool = "burst";
        private boolean ready = true;
        private boolean schedulable = true;

        NodeBuilder(String name) {
            this.name = name;
        }

        NodeBuilder inPool(String value) {
            pool = value;
            return this;
        }

        NodeBuilder notReady() {
            ready = false;
            return this;
        }

        NodeBuilder cordoned() {
            schedulable = false;
            return this;
        }

        ObservedNode build() {
            return new ObservedNode(name, pool, "medium", 7_800, 15_360, 0, 100, ready, schedulable,
                    Map.of("node-pool", pool));
        }
    }
}
