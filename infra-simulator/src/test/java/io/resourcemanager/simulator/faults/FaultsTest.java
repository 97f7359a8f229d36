package io.resourcemanager.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resourcemanager.simulator.time.Latency;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private final Faults faults = new Faults();

    @Test
    void shouldAnswerTheConfiguredBurstThenRecover() {
        faults.apply(FaultSettings.none().withHttpErrors(2, 429));

        assertThat(faults.takeHttpError()).isEqualTo(OptionalInt.of(429));
        assertThat(faults.takeHttpError()).isEqualTo(OptionalInt.of(429));
        assertThat(faults.takeHttpError()).isEmpty();
    }

    @Test
    void shouldDefaultInjectedErrorsTo503() {
        faults.apply(new FaultSettings(null, 1, null, null, null, null, null, null, null, null, null));

        assertThat(faults.takeHttpError()).isEqualTo(OptionalInt.of(503));
    }

    @Test
    void shouldFailOnlyTheRequestedNumberOfClones() {
        faults.apply(FaultSettings.none().withFailNextClones(1));

        assertThat(faults.takeCloneFailure()).isTrue();
        assertThat(faults.takeCloneFailure()).isFalse();
    }

    @Test
    void shouldLeaveUnsetFieldsUnchangedWhenPatching() {
        faults.apply(FaultSettings.none().withFailNextClones(3).withDelays(1500L, null));
        faults.apply(FaultSettings.none().withHttpErrors(1, 503));

        assertThat(faults.current()).isEqualTo(new FaultSettings(3, 1, 503, 1500L, null, 0, 0, List.of(), 0, null, null));
        assertThat(faults.delayOverride(Latency.CLONE)).contains(Duration.ofMillis(1500));
        assertThat(faults.delayOverride(Latency.BOOT)).isEmpty();
    }

    @Test
    void shouldClearEverythingOnReset() {
        faults.apply(new FaultSettings(3, 4, 500, 1L, 2L, 5, 6, List.of("worker-a"), 7, 8L, 9L));

        faults.reset();

        assertThat(faults.current()).isEqualTo(new FaultSettings(0, 0, 503, null, null, 0, 0, List.of(), 0, null, null));
    }

    @Test
    void shouldRejectAStatusThatIsNoError() {
        assertThatThrownBy(() -> faults.apply(FaultSettings.none().withHttpErrors(1, 200)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("httpStatus");
    }

    @Test
    void shouldFailOnlyTheRequestedNumberOfStarts() {
        faults.apply(FaultSettings.none().withFailNextStarts(2));

        assertThat(faults.takeStartFailure()).isTrue();
        assertThat(faults.takeStartFailure()).isTrue();
        assertThat(faults.takeStartFailure()).isFalse();
    }

    @Test
    void shouldSilenceOnlyTheRequestedNumberOfKubelets() {
        faults.apply(FaultSettings.none().withNeverJoinNext(1));

        assertThat(faults.takeNeverJoin()).isTrue();
        assertThat(faults.takeNeverJoin()).isFalse();
    }

    @Test
    void shouldFlapNamedNodesAndTheNextRegisteringOnes() {
        faults.apply(FaultSettings.none().withFlapping(List.of("worker-permanent-002"), 1, 3000L));

        assertThat(faults.claimFlap("worker-permanent-002")).isTrue();
        assertThat(faults.claimFlap("worker-burst-001")).isTrue();
        assertThat(faults.claimFlap("worker-burst-002")).isFalse();
        assertThat(faults.current().flapNodes()).containsExactly("worker-permanent-002", "worker-burst-001");
        assertThat(faults.flapPeriod()).contains(Duration.ofSeconds(3));
    }

    @Test
    void shouldStopFlappingWhenTheFaultsAreCleared() {
        faults.apply(FaultSettings.none().withFlapping(List.of("worker-permanent-001"), null, null));

        faults.reset();

        assertThat(faults.isFlapping("worker-permanent-001")).isFalse();
    }

    @Test
    void shouldSlowTheGuestShutdownWhenAskedTo() {
        faults.apply(FaultSettings.none().withShutdownDelayMillis(5000));

        assertThat(faults.delayOverride(Latency.GUEST_SHUTDOWN)).contains(Duration.ofSeconds(5));
    }

    @Test
    void shouldRejectANonPositiveFlapPeriod() {
        assertThatThrownBy(() -> faults.apply(FaultSettings.none().withFlapping(null, null, 0L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flapPeriodMillis");
    }
}
