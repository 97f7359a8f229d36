package io.resourcemanager.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resourcemanager.simulator.time.Latency;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private final Faults faults = new Faults();

    @Test
    void shouldAnswerTheConfiguredBurstThenRecover() {
        faults.apply(new FaultSettings(null, 2, 429, null, null));

        assertThat(faults.takeHttpError()).isEqualTo(OptionalInt.of(429));
        assertThat(faults.takeHttpError()).isEqualTo(OptionalInt.of(429));
        assertThat(faults.takeHttpError()).isEmpty();
    }

    @Test
    void shouldDefaultInjectedErrorsTo503() {
        faults.apply(new FaultSettings(null, 1, null, null, null));

        assertThat(faults.takeHttpError()).isEqualTo(OptionalInt.of(503));
    }

    @Test
    void shouldFailOnlyTheRequestedNumberOfClones() {
        faults.apply(new FaultSettings(1, null, null, null, null));

        assertThat(faults.takeCloneFailure()).isTrue();
        assertThat(faults.takeCloneFailure()).isFalse();
    }

    @Test
    void shouldLeaveUnsetFieldsUnchangedWhenPatching() {
        faults.apply(new FaultSettings(3, null, null, 1500L, null));
        faults.apply(new FaultSettings(null, 1, null, null, null));

        assertThat(faults.current()).isEqualTo(new FaultSettings(3, 1, 503, 1500L, null));
        assertThat(faults.delayOverride(Latency.CLONE)).contains(Duration.ofMillis(1500));
        assertThat(faults.delayOverride(Latency.BOOT)).isEmpty();
    }

    @Test
    void shouldClearEverythingOnReset() {
        faults.apply(new FaultSettings(3, 4, 500, 1L, 2L));

        faults.reset();

        assertThat(faults.current()).isEqualTo(new FaultSettings(0, 0, 503, null, null));
    }

    @Test
    void shouldRejectAStatusThatIsNoError() {
        assertThatThrownBy(() -> faults.apply(new FaultSettings(null, 1, 200, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("httpStatus");
    }
}
