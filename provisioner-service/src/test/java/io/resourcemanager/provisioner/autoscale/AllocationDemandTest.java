package io.resourcemanager.provisioner.autoscale;

import static io.resourcemanager.provisioner.autoscale.Allocations.active;
import static io.resourcemanager.provisioner.autoscale.Allocations.queued;
import static io.resourcemanager.provisioner.autoscale.Allocations.queuedEvent;
import static io.resourcemanager.provisioner.autoscale.Allocations.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.events.AllocationStatus;
import io.resourcemanager.kafka.testing.Events;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationDemandTest {

    private static final Instant T1 = Events.T0.plusSeconds(60);
    private final AllocationDemand demand = new AllocationDemand("burst");

    @Test
    void shouldCountQueuedAllocationsPerTargetPoolAndUntargetedOnesForTheDefaultPool() {
        demand.onState("a1", queued("a1", null));
        demand.onState("a2", queued("a2", "gpu"));
        demand.onState("a3", queued("a3", "gpu"));
        demand.onState("a4", queued("a4", ""));
        demand.onState("a5", active("a5", "burst-x"));

        assertThat(demand.queuedByPool()).isEqualTo(Map.of("burst", 2, "gpu", 2));
    }

    @Test
    void shouldLeaveOutAllocationsAQuotaBlocksWhicheverTopicIsReadFirst() {
        demand.onState("a1", queued("a1", null));
        demand.onEvent("a1", queuedEvent("a1", false, Events.T0));
        demand.onEvent("a2", queuedEvent("a2", false, Events.T0));
        demand.onState("a2", queued("a2", null));
        demand.onState("a3", queued("a3", null));
        demand.onEvent("a3", queuedEvent("a3", true, Events.T0));

        assertThat(demand.queuedByPool()).isEqualTo(Map.of("burst", 1));
        assertThat(demand.quotaBlockedCount()).isEqualTo(2);
    }

    @Test
    void shouldCountABlockedAllocationOnceALaterQueuedEventSaysItIsDemand() {
        demand.onState("a1", queued("a1", null));
        demand.onEvent("a1", queuedEvent("a1", false, Events.T0));
        demand.onEvent("a1", queuedEvent("a1", true, T1));

        assertThat(demand.queuedByPool()).isEqualTo(Map.of("burst", 1));
    }

    @Test
    void shouldKeepAQuotaMarkThatIsNewerThanTheFinalStateReadAfterIt() {
        demand.onEvent("a1", queuedEvent("a1", false, T1));
        demand.onState("a1", state("a1", AllocationStatus.PREEMPTED, null, Events.T0));
        demand.onState("a1", state("a1", AllocationStatus.QUEUED, null, T1));

        assertThat(demand.queuedByPool()).isEmpty();
    }

    @Test
    void shouldForgetAllocationsThatFinishedOrWereDeleted() {
        demand.onState("a1", queued("a1", null));
        demand.onState("a2", active("a2", "burst-x"));
        demand.onState("a1", state("a1", AllocationStatus.FAILED, null, T1));
        demand.onState("a2", null);

        assertThat(demand.queuedByPool()).isEmpty();
        assertThat(demand.nodesHoldingAllocations()).isEmpty();
    }

    @Test
    void shouldKnowTheNodesOnWhichUnfinishedAllocationsHoldWorkers() {
        demand.onState("a1", active("a1", "burst-x", "burst-y"));
        demand.onState("a2", state("a2", AllocationStatus.RELEASING, null, T1, "burst-z"));
        demand.onState("a3", active("a3", "burst-w"));
        demand.onState("a3", state("a3", AllocationStatus.RELEASED, null, T1, "burst-w"));

        assertThat(demand.nodesHoldingAllocations()).containsExactly("burst-x", "burst-y", "burst-z");
    }

    @Test
    void shouldBeReadyOnlyOnceTheFeedCaughtUp() {
        assertThat(demand.ready()).isFalse();

        demand.caughtUp();

        assertThat(demand.ready()).isTrue();
    }
}
