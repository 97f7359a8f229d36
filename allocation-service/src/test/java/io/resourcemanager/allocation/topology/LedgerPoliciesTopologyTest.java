package io.resourcemanager.allocation.topology;

import io.resourcemanager.kafka.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.allocation.domain.DivisionPolicies;
import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.allocation.domain.Quota;
import io.resourcemanager.allocation.domain.Reservation;
import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.AllocationQueued;
import io.resourcemanager.events.AllocationRejected;
import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.events.AllocationRequested;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.events.OnInsufficient;
import io.resourcemanager.events.Priority;
import io.resourcemanager.events.Resources;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.PlainAvroSerdes;
import io.resourcemanager.topics.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerPoliciesTopologyTest {

    private final PlainAvroSerdes serdes = new PlainAvroSerdes();
    private TopologyTestDriver driver;
    private TestInputTopic<String, AllocationRequestEnvelope> requests;
    private TestInputTopic<String, NodeState> nodes;
    private TestOutputTopic<String, AllocationEventEnvelope> events;
    private final MutableClock clock = new MutableClock(Events.T0);

    @BeforeEach
    void startDriver() {
        DivisionPolicies policies = new DivisionPolicies(
                Map.of("research", new Quota("research", new io.resourcemanager.allocation.domain.Resources(2000, 4096, 0),
                        0, false, 0.4)),
                List.of(new Reservation("security-always", "security",
                        new io.resourcemanager.allocation.domain.Resources(8000, 16384, 0), null, null)));
        driver = new TopologyTestDriver(new LedgerTopology(LedgerSettings.defaults().withPolicies(policies), clock)
                .build(new StreamsBuilder(), serdes));
        requests = driver.createInputTopic(Topics.ALLOCATION_REQUESTS.name(), Topics.ALLOCATION_REQUESTS.keySerde().serializer(),
                serdes.forTopic(Topics.ALLOCATION_REQUESTS).serializer());
        nodes = driver.createInputTopic(Topics.NODES.name(), Topics.NODES.keySerde().serializer(),
                serdes.forTopic(Topics.NODES).serializer());
        events = driver.createOutputTopic(Topics.ALLOCATION_EVENTS.name(), Topics.ALLOCATION_EVENTS.keySerde().deserializer(),
                serdes.forTopic(Topics.ALLOCATION_EVENTS).deserializer());
        nodes.pipeInput("node-a", node("node-a"));
        nodes.pipeInput("node-b", node("node-b"));
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldRejectRequestsBeyondTheDivisionQuotaAndQueueThemWithoutDemand() {
        request("alloc-000000000001", 2, "research", false);
        request("alloc-000000000002", 1, "research", false);
        request("alloc-000000000003", 1, "research", true);

        List<Object> decisions = payloads();
        assertThat(decisions.get(0)).isInstanceOf(AllocationGranted.class);
        assertThat(decisions.get(1)).isInstanceOfSatisfying(AllocationRejected.class, rejected ->
                assertThat(rejected.getError()).startsWith("Quota exceeded for division research"));
        assertThat(decisions.get(2)).isInstanceOfSatisfying(AllocationQueued.class, queued ->
                assertThat(queued.getCountsAsDemand()).isFalse());
    }

    @Test
    void shouldKeepReservedCapacityFromOtherDivisions() {
        request("alloc-000000000001", 9, "development", false);
        request("alloc-000000000002", 16, "security", false);

        List<Object> decisions = payloads();
        assertThat(decisions.get(0)).isInstanceOfSatisfying(AllocationRejected.class, rejected ->
                assertThat(rejected.getError()).isEqualTo("Insufficient CPU: needed 9.0, available 8.0"));
        assertThat(decisions.get(1)).isInstanceOf(AllocationGranted.class);
    }

    private void request(String id, int workers, String division, boolean queue) {
        requests.pipeInput("local", AllocationRequestEnvelope.newBuilder()
                .setHeader(Events.header())
                .setPayload(AllocationRequested.newBuilder()
                        .setRequestId("req-" + id).setAllocationId(id).setCluster("local").setJobId("job-" + id)
                        .setWorkers(workers).setPriority(Priority.NORMAL).setTtlSeconds(3600)
                        .setMetadata(Map.of("division", division))
                        .setOnInsufficient(queue ? OnInsufficient.QUEUE : OnInsufficient.FAIL)
                        .build())
                .build());
    }

    private List<Object> payloads() {
        return events.readValuesToList().stream().map(AllocationEventEnvelope::getPayload).toList();
    }

    private static NodeState node(String name) {
        return Events.nodeState(name)
                .setAllocatable(Resources.newBuilder().setCpuMillis(8000).setMemoryMb(16384).setGpu(0).setPods(110).build())
                .build();
    }
}
