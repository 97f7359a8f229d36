package io.resourcemanager.provisioner.domain.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScaleCommandIdsTest {

    private static final Instant EARLIER = Instant.parse("2026-01-01T11:00:00Z");

    @Test
    void shouldGiveTheSameDecisionTheSameIdAndTheNextOneAnother() {
        assertThat(ScaleCommandIds.scaleUp("burst", EARLIER)).isEqualTo(ScaleCommandIds.scaleUp("burst", EARLIER))
                .isEqualTo("autoscale-burst-up-" + EARLIER.toEpochMilli());
        assertThat(ScaleCommandIds.scaleUp("burst", null)).isEqualTo("autoscale-burst-up-0");
        assertThat(ScaleCommandIds.scaleUp("burst", EARLIER.plusSeconds(1)))
                .isNotEqualTo(ScaleCommandIds.scaleUp("burst", EARLIER));
        assertThat(ScaleCommandIds.scaleUp("spot", EARLIER)).isNotEqualTo(ScaleCommandIds.scaleUp("burst", EARLIER));
    }

    @Test
    void shouldNameTheNodeInTheIdOfARemoval() {
        assertThat(ScaleCommandIds.scaleDown("burst", "burst-1a2b3c4d", EARLIER))
                .isEqualTo("autoscale-burst-down-" + EARLIER.toEpochMilli() + "-burst-1a2b3c4d")
                .isNotEqualTo(ScaleCommandIds.scaleDown("burst", "burst-5e6f7a8b", EARLIER));
    }

    @Test
    void shouldRecogniseItsOwnCommands() {
        assertThat(ScaleCommandIds.isAutoscale(ScaleCommandIds.scaleUp("gpu", null))).isTrue();
        assertThat(ScaleCommandIds.isAutoscale("3f2a9c1e-operator")).isFalse();
        assertThat(ScaleCommandIds.isAutoscale(null)).isFalse();
    }
}
