package io.resourcemanager.ttl.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.AllocationReleased;
import io.resourcemanager.events.NodeRemoved;
import io.resourcemanager.events.Priority;
import io.resourcemanager.events.ProvisioningEventEnvelope;
import io.resourcemanager.events.Resources;
import io.resourcemanager.events.SubjectType;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.PlainAvroSerdes;
import io.resourcemanager.state.TrackedDeadline;
import io.resourcemanager.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadlineTopologyTest {

    private static final Resources NONE = Resources.newBuilder().setCpuMillis(0).setMemoryMb(0).build();

    private TopologyTestDriver driver;
    private TestInputTopic<String, AllocationEventEnvelope> allocations;
    private TestInputTopic<String, ProvisioningEventEnvelope> provisioning;

    @BeforeEach
    void startDriver() {
        PlainAvroSerdes serdes = new PlainAvroSerdes();
        driver = new TopologyTestDriver(new DeadlineTopology().build(new StreamsBuilder(), serdes));
        allocations = driver.createInputTopic(Topics.ALLOCATION_EVENTS.name(),
                Topics.ALLOCATION_EVENTS.keySerde().serializer(), serdes.forTopic(Topics.ALLOCATION_EVENTS).serializer());
        provisioning = driver.createInputTopic(Topics.PROVISIONING_EVENTS.name(),
                Topics.PROVISIONING_EVENTS.keySerde().serializer(), serdes.forTopic(Topics.PROVISIONING_EVENTS).serializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldTrackAGrantedAllocationUntilActivationPlusTtl() {
        allocations.pipeInput("alloc-000000000001", granted("alloc-000000000001", 3600));

        TrackedDeadline tracked = deadlines().get("alloc-000000000001");
        assertThat(tracked.getDeadline()).isEqualTo(Events.T0.plus(Duration.ofHours(1)));
        assertThat(tracked.getSubjectType()).isEqualTo(SubjectType.ALLOCATION);
    }

    @Test
    void shouldForgetAReleasedAllocation() {
        allocations.pipeInput("alloc-000000000001", granted("alloc-000000000001", 3600));
        allocations.pipeInput("alloc-000000000001", released("alloc-000000000001"));

        assertThat(deadlines().get("alloc-000000000001")).isNull();
    }

    @Test
    void shouldTrackOnlyWorkersThatJoinedWithADeadline() {
        Instant deadline = Events.T0.plus(Duration.ofHours(4));
        provisioning.pipeInput("worker-burst-001", Events.nodeJoined("worker-burst-001", "burst", deadline));
        provisioning.pipeInput("worker-permanent-001", Events.nodeJoined("worker-permanent-001", "permanent", null));

        assertThat(deadlines().get("worker-burst-001").getDeadline()).isEqualTo(deadline);
        assertThat(deadlines().get("worker-burst-001").getSubjectType()).isEqualTo(SubjectType.WORKER);
        assertThat(deadlines().get("worker-permanent-001")).isNull();
    }

    @Test
    void shouldForgetARemovedWorker() {
        provisioning.pipeInput("worker-burst-001",
                Events.nodeJoined("worker-burst-001", "burst", Events.T0.plus(Duration.ofHours(4))));
        provisioning.pipeInput("worker-burst-001", ProvisioningEventEnvelope.newBuilder()
                .setHeader(Events.header())
                .setPayload(NodeRemoved.newBuilder().setWorker("worker-burst-001").setPool("burst")
                        .setReason("ttl expired").build())
                .build());

        assertThat(deadlines().get("worker-burst-001")).isNull();
    }

    private KeyValueStore<String, TrackedDeadline> deadlines() {
        return driver.getKeyValueStore(DeadlineTopology.DEADLINES_STORE);
    }

    private static AllocationEventEnvelope granted(String id, long ttlSeconds) {
        return AllocationEventEnvelope.newBuilder()
                .setHeader(Events.header())
                .setPayload(AllocationGranted.newBuilder()
                        .setAllocationId(id)
                        .setRequestId("req-1")
                        .setJobId("job-1")
                        .setPriority(Priority.NORMAL)
                        .setResources(NONE)
                        .setTtlSeconds(ttlSeconds)
                        .setActivatedAt(Events.T0)
                        .build())
                .build();
    }

    private static AllocationEventEnvelope released(String id) {
        return AllocationEventEnvelope.newBuilder()
                .setHeader(Events.header())
                .setPayload(AllocationReleased.newBuilder()
                        .setAllocationId(id)
                        .setJobId("job-1")
                        .setFreed(NONE)
                        .setWorkersReleased(0)
                        .setReleasedAt(Events.T0.plusSeconds(60))
                        .setDurationSeconds(60)
                        .build())
                .build();
    }
}
