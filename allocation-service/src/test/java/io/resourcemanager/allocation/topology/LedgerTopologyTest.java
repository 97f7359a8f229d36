package io.resourcemanager.allocation.topology;

import io.resourcemanager.kafka.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationExpired;
import io.resourcemanager.events.ExpiryReason;
import io.resourcemanager.events.SubjectType;
import io.resourcemanager.events.TtlEventEnvelope;
import io.resourcemanager.events.TtlExpired;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.AllocationPreempted;
import io.resourcemanager.events.AllocationQueued;
import io.resourcemanager.events.AllocationRejected;
import io.resourcemanager.events.AllocationReleased;
import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.events.AllocationRequested;
import io.resourcemanager.events.AllocationState;
import io.resourcemanager.events.AllocationStatus;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.events.OnInsufficient;
import io.resourcemanager.events.Priority;
import io.resourcemanager.events.ReleaseRequested;
import io.resourcemanager.events.Resources;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.PlainAvroSerdes;
import io.resourcemanager.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerTopologyTest {

    private final PlainAvroSerdes serdes = new PlainAvroSerdes();
    private TopologyTestDriver driver;
    private TestInputTopic<String, AllocationRequestEnvelope> requests;
    private TestInputTopic<String, NodeState> nodes;
    private TestOutputTopic<String, AllocationEventEnvelope> events;
    private TestOutputTopic<String, AllocationState> states;
    private TestInputTopic<String, TtlEventEnvelope> ttl;
    private final MutableClock clock = new MutableClock(Events.T0);

    @BeforeEach
    void startDriver() {
        driver = new TopologyTestDriver(new LedgerTopology(LedgerSettings.defaults().withMaxWorkers(10), clock)
                .build(new StreamsBuilder(), serdes));
        requests = driver.createInputTopic(Topics.ALLOCATION_REQUESTS.name(), Topics.ALLOCATION_REQUESTS.keySerde().serializer(),
                serdes.forTopic(Topics.ALLOCATION_REQUESTS).serializer());
        nodes = driver.createInputTopic(Topics.NODES.name(), Topics.NODES.keySerde().serializer(),
                serdes.forTopic(Topics.NODES).serializer());
        events = driver.createOutputTopic(Topics.ALLOCATION_EVENTS.name(), Topics.ALLOCATION_EVENTS.keySerde().deserializer(),
                serdes.forTopic(Topics.ALLOCATION_EVENTS).deserializer());
        states = driver.createOutputTopic(Topics.ALLOCATIONS.name(), Topics.ALLOCATIONS.keySerde().deserializer(),
                serdes.forTopic(Topics.ALLOCATIONS).deserializer());
        ttl = driver.createInputTopic(Topics.TTL_EVENTS.name(), Topics.TTL_EVENTS.keySerde().serializer(),
                serdes.forTopic(Topics.TTL_EVENTS).serializer());
        nodes.pipeInput("node-a", node("node-a"));
        nodes.pipeInput("node-b", node("node-b"));
    }

    @Test
    void shouldExpireAnAllocationOnceWhenTheTtlServiceSaysItsDeadlinePassed() {
        request("alloc-000000000001", 2, Priority.NORMAL, false);
        payloads();

        clock.advance(Duration.ofSeconds(3599));
        ttlExpired("alloc-000000000001");
        assertThat(payloads()).as("not due yet").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        ttlExpired("alloc-000000000001");
        ttlExpired("alloc-000000000001");

        assertThat(payloads()).singleElement().isInstanceOfSatisfying(AllocationExpired.class, expired ->
                assertThat(expired.getFreed().getCpuMillis()).isEqualTo(2000));
    }

    private void ttlExpired(String allocationId) {
        ttl.pipeInput(allocationId, TtlEventEnvelope.newBuilder()
                .setHeader(Events.header())
                .setPayload(TtlExpired.newBuilder().setSubjectId(allocationId).setSubjectType(SubjectType.ALLOCATION)
                        .setDeadline(Events.T0.plusSeconds(3600)).setReason(ExpiryReason.DEADLINE).build())
                .build());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldHoldTheReferenceScenarioThroughKafka() {
        request("alloc-000000000001", 4, Priority.NORMAL, false);
        request("alloc-000000000002", 10, Priority.NORMAL, false);

        List<Object> decisions = payloads();
        assertThat(decisions.get(0)).isInstanceOfSatisfying(AllocationGranted.class, granted -> {
            assertThat(granted.getWorkers()).hasSize(4);
            assertThat(granted.getResources().getCpuMillis()).isEqualTo(4000);
            assertThat(granted.getResources().getMemoryMb()).isEqualTo(8192);
        });
        assertThat(decisions.get(1)).isInstanceOfSatisfying(AllocationRejected.class, rejected ->
                assertThat(rejected.getError()).isEqualTo("Insufficient workers: requested 10, available 6"));
        Map<String, AllocationState> latest = states.readKeyValuesToMap();
        assertThat(latest.get("alloc-000000000001").getState()).isEqualTo(AllocationStatus.ACTIVE);
        assertThat(latest.get("alloc-000000000002").getState()).isEqualTo(AllocationStatus.FAILED);
    }

    @Test
    void shouldReleaseOnceAndIgnoreARepeatedRequest() {
        request("alloc-000000000001", 4, Priority.NORMAL, false);
        request("alloc-000000000001", 4, Priority.NORMAL, false);
        release("alloc-000000000001");
        release("alloc-000000000001");

        List<Object> decisions = payloads();
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(1)).isInstanceOfSatisfying(AllocationReleased.class, released -> {
            assertThat(released.getWorkersReleased()).isEqualTo(4);
            assertThat(released.getFreed().getCpuMillis()).isEqualTo(4000);
        });
    }

    @Test
    void shouldReportQueuePositionsAndGrantInOrderWhenCapacityFrees() {
        request("alloc-000000000001", 10, Priority.NORMAL, false);
        request("alloc-000000000002", 2, Priority.NORMAL, true);
        request("alloc-000000000003", 2, Priority.NORMAL, true);

        List<Object> queued = payloads();
        assertThat(queued).filteredOn(AllocationQueued.class::isInstance)
                .extracting(p -> ((AllocationQueued) p).getQueuePosition()).containsExactly(1, 2);

        release("alloc-000000000001");

        assertThat(payloads()).filteredOn(AllocationGranted.class::isInstance)
                .extracting(p -> ((AllocationGranted) p).getAllocationId())
                .containsExactly("alloc-000000000002", "alloc-000000000003");
    }

    @Test
    void shouldPreemptLowPriorityWorkForCriticalRequests() {
        request("alloc-00000000000a", 10, Priority.LOW, false);
        request("alloc-00000000000b", 4, Priority.CRITICAL, false);

        List<Object> decisions = payloads();
        assertThat(decisions.get(1)).isInstanceOfSatisfying(AllocationPreempted.class, preempted -> {
            assertThat(preempted.getAllocationId()).isEqualTo("alloc-00000000000a");
            assertThat(preempted.getPreemptedBy()).isEqualTo("alloc-00000000000b");
        });
        assertThat(decisions.get(2)).isInstanceOf(AllocationGranted.class);
    }

    @Test
    void shouldMoveOrPreemptWorkWhenANodeLeavesTheCluster() {
        request("alloc-000000000001", 10, Priority.NORMAL, false);
        payloads();

        nodes.pipeInput("node-a", (NodeState) null);

        assertThat(payloads()).singleElement().isInstanceOfSatisfying(AllocationPreempted.class, preempted ->
                assertThat(preempted.getReason()).isEqualTo("Node node-a was removed"));
    }

    private void request(String id, int workers, Priority priority, boolean queue) {
        requests.pipeInput("local", AllocationRequestEnvelope.newBuilder()
                .setHeader(Events.header())
                .setPayload(AllocationRequested.newBuilder()
                        .setRequestId("req-" + id).setAllocationId(id).setCluster("local").setJobId("job-" + id)
                        .setWorkers(workers).setPriority(priority).setTtlSeconds(3600)
                        .setOnInsufficient(queue ? OnInsufficient.QUEUE : OnInsufficient.FAIL)
                        .build())
                .build());
    }

    private void release(String id) {
        requests.pipeInput("local", AllocationRequestEnvelope.newBuilder()
                .setHeader(Events.header())
                .setPayload(ReleaseRequested.newBuilder().setRequestId("rel-" + id).setAllocationId(id).build())
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
