package io.resourcemanager.simulator.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DelaysTest {

    @Test
    void shouldSampleWithinTheRealisticRangeAtScaleOne() {
        Delays delays = Delays.scaled(1.0, new Random(7));

        for (int i = 0; i < 50; i++) {
            assertThat(delays.of(Latency.CLONE)).isBetween(Latency.CLONE.min(), Latency.CLONE.max());
        }
    }

    @Test
    void shouldMultiplyLatenciesByTheTimeScale() {
        Delays delays = Delays.scaled(0.01, new Random(7));

        assertThat(delays.of(Latency.BOOT)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(delays.of(Latency.NODE_MONITOR_GRACE)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void shouldUseAnOverrideUnscaled() {
        Delays delays = new Delays(0.01, new Random(7),
                latency -> latency == Latency.CLONE ? Optional.of(Duration.ofSeconds(2)) : Optional.empty());

        assertThat(delays.of(Latency.CLONE)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldRejectANegativeTimeScale() {
        assertThatThrownBy(() -> Delays.scaled(-1, new Random()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeScale");
    }
}
