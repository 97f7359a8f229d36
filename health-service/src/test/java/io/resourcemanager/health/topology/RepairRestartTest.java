package io.resourcemanager.health.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.events.RepairLevel;
import io.resourcemanager.events.RepairNeeded;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.state.NodeRepair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ladder position survives a restart: the repair in flight is not asked for again, the next rung comes on time. */
class RepairRestartTest {

    private static final Instant T0 = Events.T0;

    @Test
    void shouldNeitherRepeatNorForgetARepairAcrossARestart() {
        Map<String, NodeRepair> restored;
        RepairNeeded restart;
        try (RepairDriver before = new RepairDriver(T0)) {
            before.member("burst-1", "burst");
            before.observed("burst-1", "burst", "Unknown", T0);
            before.advanceBy(Duration.ofMinutes(5));
            List<RepairNeeded> asked = before.repairs();
            assertThat(asked).hasSize(1);
            restart = asked.get(0);
            restored = before.changelog();
        }
        assertThat(restored.get("burst-1").getEpisode().getInFlight()).isEqualTo(restart.getRepairId());

        try (RepairDriver after = new RepairDriver(T0.plus(Duration.ofMinutes(5)))) {
            after.restore(restored);
            after.advanceBy(Duration.ofMinutes(3));
            assertThat(after.repairs()).as("the repair in flight is not asked for again").isEmpty();

            after.answered(restart, false);
            after.advanceBy(Duration.ofMinutes(2));
            assertThat(after.repairs()).singleElement().satisfies(reboot -> {
                assertThat(reboot.getLevel()).isEqualTo(RepairLevel.REBOOT);
                assertThat(reboot.getAttempt()).isEqualTo(2);
            });
        }
    }
}
