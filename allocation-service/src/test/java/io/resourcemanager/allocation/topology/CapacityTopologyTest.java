package io.resourcemanager.allocation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.allocation.domain.CapacityTotals;
import io.resourcemanager.allocation.domain.ClusterCapacity;
import io.resourcemanager.allocation.domain.NodeCapacity;
import io.resourcemanager.events.NodeHealth;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.PlainAvroSerdes;
import io.resourcemanager.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CapacityTopologyTest {

    private TopologyTestDriver driver;
    private TestInputTopic<String, NodeState> nodes;

    @BeforeEach
    void startDriver() {
        PlainAvroSerdes serdes = new PlainAvroSerdes();
        driver = new TopologyTestDriver(new CapacityTopology().build(new StreamsBuilder(), serdes));
        nodes = driver.createInputTopic(Topics.NODES.name(), Topics.NODES.keySerde().serializer(),
                serdes.forTopic(Topics.NODES).serializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldCountEveryReadyNodeOfTheNodesTopic() {
        nodes.pipeInput("worker-a", Events.nodeState("worker-a").build());
        nodes.pipeInput("worker-b", Events.nodeState("worker-b").build());
        nodes.pipeInput("worker-c", Events.nodeState("worker-c").build());

        assertThat(capacity().total()).isEqualTo(new CapacityTotals(23_400, 46_080, 0, 3));
    }

    @Test
    void shouldKeepOnlyTheLatestStateOfANode() {
        nodes.pipeInput("worker-a", Events.nodeState("worker-a").build());
        nodes.pipeInput("worker-a", Events.nodeState("worker-a").setHealth(NodeHealth.UNHEALTHY).build());

        assertThat(capacity().total()).isEqualTo(CapacityTotals.NONE);
    }

    @Test
    void shouldForgetANodeOnATombstone() {
        nodes.pipeInput("worker-a", Events.nodeState("worker-a").build());
        nodes.pipeInput("worker-b", Events.nodeState("worker-b").setPool("burst").build());
        nodes.pipeInput("worker-a", (NodeState) null);

        assertThat(capacity().byPool()).containsOnlyKeys("burst");
    }

    private ClusterCapacity capacity() {
        KeyValueStore<String, NodeState> store = driver.getKeyValueStore(CapacityTopology.NODES_STORE);
        List<NodeCapacity> all = new ArrayList<>();
        store.all().forEachRemaining(entry -> all.add(NodeStates.toCapacity(entry.value)));
        return ClusterCapacity.of(all);
    }
}
