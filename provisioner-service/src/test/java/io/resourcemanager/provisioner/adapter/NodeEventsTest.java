package io.resourcemanager.provisioner.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.NodeHealth;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.provisioner.domain.Health;
import io.resourcemanager.provisioner.domain.ObservedNode;
import io.resourcemanager.topics.EventHeaders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeEventsTest {

    private static final EventHeader HEADER = EventHeaders.first("provisioner-test",
            Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC));

    @Test
    void shouldStateTheJudgedHealthOfAReadyNode() {
        NodeState state = NodeEvents.state(aWorker(true), Optional.of(Health.UNHEALTHY), "local", HEADER);

        assertThat(state.getReady()).isTrue();
        assertThat(state.getHealth()).isEqualTo(NodeHealth.UNHEALTHY);
    }

    @Test
    void shouldStateANodeThatIsNotReadyUnhealthyWhateverWasJudged() {
        NodeState state = NodeEvents.state(aWorker(false), Optional.of(Health.HEALTHY), "local", HEADER);

        assertThat(state.getHealth()).isEqualTo(NodeHealth.UNHEALTHY);
    }

    @Test
    void shouldStateHealthFromReadyAloneWithoutAJudgement() {
        assertThat(NodeEvents.state(aWorker(true), Optional.empty(), "local", HEADER).getHealth())
                .isEqualTo(NodeHealth.HEALTHY);
        assertThat(NodeEvents.state(aWorker(false), Optional.empty(), "local", HEADER).getHealth())
                .isEqualTo(NodeHealth.UNHEALTHY);
    }

    @Test
    void shouldTakeUnknownFromTheHealthServiceAsNoJudgement() {
        assertThat(NodeEvents.judgement(NodeHealth.UNKNOWN)).isEmpty();
        assertThat(NodeEvents.judgement(null)).isEmpty();
        assertThat(NodeEvents.judgement(NodeHealth.HEALTHY)).contains(Health.HEALTHY);
        assertThat(NodeEvents.judgement(NodeHealth.DEGRADED)).contains(Health.DEGRADED);
        assertThat(NodeEvents.judgement(NodeHealth.UNHEALTHY)).contains(Health.UNHEALTHY);
    }

    @Test
    void shouldReadTheJudgementOfAReadyNodeBackFromItsPublishedState() {
        NodeState degraded = NodeEvents.state(aWorker(true), Optional.of(Health.DEGRADED), "local", HEADER);
        NodeState notReady = NodeEvents.state(aWorker(false), Optional.of(Health.DEGRADED), "local", HEADER);

        assertThat(NodeEvents.judgementShownBy(degraded)).contains(Health.DEGRADED);
        assertThat(NodeEvents.judgementShownBy(notReady)).isEmpty();
    }

    private static ObservedNode aWorker(boolean ready) {
        return new ObservedNode("worker-burst-001", "burst", "small", 3_800, 7_680, 0, 100, ready, true,
                Map.of("node-pool", "burst"));
    }
}
