package io.resourcemanager.health.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.events.AutoRepairFailed;
import io.resourcemanager.events.RepairLevel;
import io.resourcemanager.events.RepairNeeded;
import io.resourcemanager.kafka.testing.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RepairTopologyTest {

    private static final Instant T0 = Events.T0;
    private final RepairDriver repairs = new RepairDriver(T0);

    @AfterEach
    void close() {
        repairs.close();
    }

    @Test
    void shouldWalkTheLadderOfANotReadyNodeAndStopWhenItRecovers() {
        repairs.member("burst-1", "burst");
        repairs.observed("burst-1", "burst", "Unknown", T0);

        repairs.advanceBy(Duration.ofMinutes(4).plusSeconds(55));
        assertThat(repairs.repairs()).isEmpty();
        repairs.advanceBy(Duration.ofSeconds(5));
        RepairNeeded restart = single(repairs.repairs());
        assertThat(restart.getLevel()).isEqualTo(RepairLevel.RESTART_KUBELET);
        assertThat(restart.getAttempt()).isEqualTo(1);
        assertThat(restart.getRepairId()).isEqualTo("burst-1-" + T0.toEpochMilli() + "-1");

        repairs.advanceBy(Duration.ofMinutes(3));
        assertThat(repairs.repairs()).as("one repair at a time").isEmpty();
        repairs.answered(restart, false);
        repairs.advanceBy(Duration.ofMinutes(2));
        RepairNeeded reboot = single(repairs.repairs());
        assertThat(reboot.getLevel()).isEqualTo(RepairLevel.REBOOT);
        assertThat(reboot.getAttempt()).isEqualTo(2);

        repairs.answered(reboot, true);
        repairs.observed("burst-1", "burst", "True", repairs.clock.instant());
        repairs.advanceBy(Duration.ofMinutes(30));
        assertThat(repairs.produced()).isEmpty();
        assertThat(repairs.store().get("burst-1").getEpisode()).as("episode over after the cooldown").isNull();
    }

    @Test
    void shouldGiveUpOnceAfterThreeRepairsThatDidNotHeal() {
        repairs.member("burst-1", "burst");
        repairs.observed("burst-1", "burst", "False", T0);
        for (int attempt = 1; attempt <= 3; attempt++) {
            repairs.advanceBy(Duration.ofMinutes(10));
            RepairNeeded repair = single(repairs.repairs());
            assertThat(repair.getAttempt()).isEqualTo(attempt);
            repairs.answered(repair, false);
        }

        repairs.advanceBy(Duration.ofMinutes(30));

        assertThat(repairs.produced()).singleElement().isInstanceOfSatisfying(AutoRepairFailed.class, alert -> {
            assertThat(alert.getAttempts()).isEqualTo(3);
            assertThat(alert.getLastLevel()).isEqualTo(RepairLevel.REPLACE);
        });
    }

    @Test
    void shouldRepairNoMoreThanThePoolsBudgetWhenHalfThePoolFails() {
        for (int i = 1; i <= 10; i++) {
            repairs.member("burst-" + i, "burst");
        }
        for (int i = 1; i <= 5; i++) {
            repairs.observed("burst-" + i, "burst", "Unknown", T0);
        }
        Map<RepairNeeded, Integer> inFlight = new HashMap<>();
        Set<String> repaired = new HashSet<>();
        List<Integer> concurrent = new ArrayList<>();
        for (int minute = 1; minute <= 60; minute++) {
            repairs.advance(Duration.ofMinutes(1));
            for (RepairNeeded repair : repairs.repairs()) {
                inFlight.put(repair, minute + 3);
                repaired.add(repair.getNode());
                concurrent.add(inFlight.size());
            }
            int now = minute;
            inFlight.entrySet().removeIf(entry -> {
                boolean due = entry.getValue() <= now;
                if (due) {
                    repairs.answered(entry.getKey(), false);
                }
                return due;
            });
        }

        assertThat(repaired).as("every failing node is repaired in turn").hasSize(5);
        assertThat(concurrent).isNotEmpty().allMatch(count -> count <= 2);
    }

    @Test
    void shouldNotRepairANodeThatIsDecommissionedOnPurpose() {
        repairs.member("burst-1", "burst");
        repairs.decommissioning("burst-1", true);
        repairs.observed("burst-1", "burst", "Unknown", T0);

        repairs.advanceBy(Duration.ofMinutes(30));

        assertThat(repairs.produced()).isEmpty();
        assertThat(repairs.store().get("burst-1").getDeliberate()).isTrue();
    }

    private static RepairNeeded single(List<RepairNeeded> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }
}
