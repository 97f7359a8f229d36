package io.resourcemanager.health.domain.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RepairLadderTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RepairLadder LADDER = new RepairLadder(RepairPolicy.DEFAULTS);
    private static final PoolLoad QUIET = new PoolLoad("burst", 10, 0, 0);

    @ParameterizedTest(name = "{0} for {1} min -> {2}")
    @CsvSource({
            "NOT_READY, 4, -",
            "NOT_READY, 5, RESTART_KUBELET",
            "NOT_READY, 10, REBOOT",
            "NOT_READY, 19, REBOOT",
            "NOT_READY, 20, REPLACE",
            "DISK_PRESSURE, 0, CLEAN_IMAGES",
            "DISK_PRESSURE, 5, CLEAN_IMAGES",
            "MEMORY_PRESSURE, 9, -",
            "MEMORY_PRESSURE, 10, DRAIN_AND_REBOOT",
    })
    void shouldPickTheHighestRungTheSignalReachedForAFirstRepair(Signal signal, int minutes, String expected) {
        Symptoms symptoms = showing(signal, T0);
        Episode episode = LADDER.observe(null, symptoms, T0);

        RepairAction action = LADDER.decide(episode, symptoms, QUIET, false, T0.plus(Duration.ofMinutes(minutes)));

        assertThat(remedyOf(action)).isEqualTo(expected);
        if (action instanceof RepairAction.Repair repair) {
            assertThat(repair.reason()).endsWith(minutes > 0 ? " for " + minutes + " min" : " for 0 s");
        }
    }

    @ParameterizedTest(name = "kubelet restarted {0} times -> {1}")
    @CsvSource({"2, -", "3, RESTART_KUBELET", "5, REBOOT", "7, REPLACE"})
    void shouldClimbTheCrashLoopLadderByRestarts(int restarts, String expected) {
        Symptoms symptoms = new Symptoms(Map.of(Signal.KUBELET_CRASH_LOOP, T0), restarts);

        RepairAction action = LADDER.decide(LADDER.observe(null, symptoms, T0), symptoms, QUIET, false, T0);

        assertThat(remedyOf(action)).isEqualTo(expected);
    }

    @Test
    void shouldWalkTheNotReadyLadderOneAnsweredRepairAtATimeThenGiveUpOnce() {
        Symptoms notReady = showing(Signal.NOT_READY, T0);
        Episode episode = LADDER.observe(null, notReady, T0);
        assertThat(LADDER.decide(episode, notReady, QUIET, false, at(4))).isEqualTo(new RepairAction.Idle(at(5)));

        episode = repairAt(episode, notReady, 5, Remedy.RESTART_KUBELET, 1);
        assertThat(LADDER.decide(episode, notReady, QUIET, false, at(12))).isInstanceOf(RepairAction.Idle.class);
        episode = LADDER.answered(episode, "repair-1");
        episode = repairAt(episode, notReady, 12, Remedy.REBOOT, 2);
        episode = LADDER.answered(episode, "repair-2");
        assertThat(LADDER.decide(episode, notReady, QUIET, false, at(19))).isEqualTo(new RepairAction.Idle(at(20)));
        episode = repairAt(episode, notReady, 20, Remedy.REPLACE, 3);
        episode = LADDER.answered(episode, "repair-3");

        RepairAction last = LADDER.decide(episode, notReady, QUIET, false, at(30));
        assertThat(last).isInstanceOfSatisfying(RepairAction.Abandon.class, abandon -> assertThat(abandon.attempts()).isEqualTo(3));
        assertThat(LADDER.decide(LADDER.gaveUp(episode), notReady, QUIET, false, at(60))).isEqualTo(new RepairAction.Idle(null));
    }

    @Test
    void shouldTryTheNextRungWhenARepairStaysUnansweredPastItsTimeout() {
        Symptoms notReady = showing(Signal.NOT_READY, T0);
        Episode episode = repairAt(LADDER.observe(null, notReady, T0), notReady, 5, Remedy.RESTART_KUBELET, 1);

        assertThat(LADDER.decide(episode, notReady, QUIET, false, at(34))).isEqualTo(new RepairAction.Idle(at(35)));
        assertThat(remedyOf(LADDER.decide(episode, notReady, QUIET, false, at(35)))).isEqualTo("REPLACE");
    }

    @Test
    void shouldGiveUpAfterTheMaximumOfAttempts() {
        RepairLadder twoAttempts = new RepairLadder(new RepairPolicy(RepairPolicy.DEFAULTS.ladders(), 2,
                Duration.ofMinutes(15), 0.2, 10, Duration.ofMinutes(30)));
        Symptoms notReady = showing(Signal.NOT_READY, T0);
        Episode episode = twoAttempts.observe(null, notReady, T0);
        for (int minute : new int[] {5, 10}) {
            RepairAction.Repair repair = (RepairAction.Repair) twoAttempts.decide(episode, notReady, QUIET, false, at(minute));
            episode = twoAttempts.answered(twoAttempts.attempted(episode, repair, "r" + minute, at(minute)), "r" + minute);
        }

        assertThat(twoAttempts.decide(episode, notReady, QUIET, false, at(20))).isInstanceOf(RepairAction.Abandon.class);
    }

    @ParameterizedTest(name = "pool of {0} with {1} under repair -> repair allowed: {2}")
    @CsvSource({"1, 0, true", "1, 1, false", "3, 0, true", "3, 1, false", "20, 3, true", "20, 4, false"})
    void shouldKeepRepairsWithinThePoolsBlastRadius(int poolSize, int repairing, boolean allowed) {
        Symptoms notReady = showing(Signal.NOT_READY, T0);
        PoolLoad load = new PoolLoad("burst", poolSize, repairing, repairing);

        RepairAction action = LADDER.decide(LADDER.observe(null, notReady, T0), notReady, load, false, at(5));

        assertThat(action).isInstanceOf(allowed ? RepairAction.Repair.class : RepairAction.Held.class);
    }

    @Test
    void shouldHoldRepairsAtTheGlobalCap() {
        Symptoms notReady = showing(Signal.NOT_READY, T0);

        RepairAction action = LADDER.decide(LADDER.observe(null, notReady, T0), notReady,
                new PoolLoad("burst", 20, 0, 10), false, at(5));

        assertThat(action).isInstanceOfSatisfying(RepairAction.Held.class,
                held -> assertThat(held.reason()).contains("at most 10"));
    }

    @Test
    void shouldLeaveNodesAloneThatAreDrainedProvisionedOrRemovedOnPurpose() {
        Symptoms notReady = showing(Signal.NOT_READY, T0);

        assertThat(LADDER.decide(LADDER.observe(null, notReady, T0), notReady, QUIET, true, at(30)))
                .isEqualTo(new RepairAction.Idle(null));
    }

    @Test
    void shouldKeepCountingAcrossFlapsSoThatAFlappingNodeIsStillRepaired() {
        Episode episode = LADDER.observe(null, showing(Signal.NOT_READY, T0), T0);
        episode = LADDER.observe(episode, Symptoms.healthy(), at(2));
        episode = LADDER.observe(episode, showing(Signal.NOT_READY, at(3)), at(3));
        episode = LADDER.observe(episode, Symptoms.healthy(), at(4));
        Symptoms again = showing(Signal.NOT_READY, at(4).plusSeconds(30));
        episode = LADDER.observe(episode, again, at(4).plusSeconds(30));

        assertThat(remedyOf(LADDER.decide(episode, again, QUIET, false, at(5)))).isEqualTo("RESTART_KUBELET");
    }

    @Test
    void shouldEscalateARelapseWithinTheCooldownInsteadOfStartingAgain() {
        Symptoms notReady = showing(Signal.NOT_READY, T0);
        Episode episode = LADDER.answered(repairAt(LADDER.observe(null, notReady, T0), notReady, 5, Remedy.RESTART_KUBELET, 1),
                "repair-1");
        episode = LADDER.observe(episode, Symptoms.healthy(), at(6));
        Symptoms relapse = showing(Signal.NOT_READY, at(14));
        episode = LADDER.observe(episode, relapse, at(14));

        RepairAction action = LADDER.decide(episode, relapse, QUIET, false, at(14));

        assertThat(remedyOf(action)).isEqualTo("REBOOT");
        assertThat(((RepairAction.Repair) action).attempt()).isEqualTo(2);
    }

    @Test
    void shouldStartAFreshLadderOnceTheNodeStayedHealthyForTheCooldown() {
        Symptoms notReady = showing(Signal.NOT_READY, T0);
        Episode episode = LADDER.answered(repairAt(LADDER.observe(null, notReady, T0), notReady, 5, Remedy.RESTART_KUBELET, 1),
                "repair-1");
        episode = LADDER.observe(episode, Symptoms.healthy(), at(6));
        assertThat(LADDER.observe(episode, Symptoms.healthy(), at(20))).isNotNull();

        assertThat(LADDER.observe(episode, Symptoms.healthy(), at(21))).isNull();
        Symptoms later = showing(Signal.NOT_READY, at(30));
        Episode fresh = LADDER.observe(null, later, at(30));
        RepairAction action = LADDER.decide(fresh, later, QUIET, false, at(35));
        assertThat(remedyOf(action)).isEqualTo("RESTART_KUBELET");
        assertThat(((RepairAction.Repair) action).attempt()).isEqualTo(1);
    }

    @Test
    void shouldSwitchToTheLadderOfAWorseSignal() {
        Symptoms disk = showing(Signal.DISK_PRESSURE, T0);
        Episode episode = repairAt(LADDER.observe(null, disk, T0), disk, 0, Remedy.CLEAN_IMAGES, 1);
        episode = LADDER.answered(episode, "repair-1");
        Symptoms worse = new Symptoms(Map.of(Signal.DISK_PRESSURE, T0, Signal.NOT_READY, at(2)), 0);
        episode = LADDER.observe(episode, worse, at(2));

        assertThat(episode.signal()).isEqualTo(Signal.NOT_READY);
        assertThat(remedyOf(LADDER.decide(episode, worse, QUIET, false, at(7)))).isEqualTo("RESTART_KUBELET");
    }

    @Test
    void shouldIgnoreTheAnswerToAnotherRepair() {
        Symptoms notReady = showing(Signal.NOT_READY, T0);
        Episode episode = repairAt(LADDER.observe(null, notReady, T0), notReady, 5, Remedy.RESTART_KUBELET, 1);

        assertThat(LADDER.answered(episode, "someone-else").inFlight()).isEqualTo("repair-1");
    }

    private static Episode repairAt(Episode episode, Symptoms symptoms, int minute, Remedy expected, int attempt) {
        RepairAction action = LADDER.decide(episode, symptoms, QUIET, false, at(minute));
        assertThat(action).isInstanceOfSatisfying(RepairAction.Repair.class, repair -> {
            assertThat(repair.remedy()).isEqualTo(expected);
            assertThat(repair.attempt()).isEqualTo(attempt);
        });
        return LADDER.attempted(episode, (RepairAction.Repair) action, "repair-" + attempt, at(minute));
    }

    private static Symptoms showing(Signal signal, Instant since) {
        return new Symptoms(Map.of(signal, since), 0);
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static String remedyOf(RepairAction action) {
        return action instanceof RepairAction.Repair repair ? repair.remedy().name() : "-";
    }
}
