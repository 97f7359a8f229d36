package io.resourcemanager.provisioner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthTest {

    @ParameterizedTest(name = "ready={0}, judged {1} -> {2}")
    @CsvSource({
        "true,  HEALTHY,   HEALTHY",
        "true,  DEGRADED,  DEGRADED",
        "true,  UNHEALTHY, UNHEALTHY",
        "false, HEALTHY,   UNHEALTHY",
        "false, DEGRADED,  UNHEALTHY",
        "false, UNHEALTHY, UNHEALTHY",
    })
    void shouldPublishTheWorseOfReadyAndTheJudgement(boolean ready, Health judged, Health published) {
        assertThat(Health.published(ready, Optional.of(judged))).isEqualTo(published);
    }

    @Test
    void shouldLetReadyAloneDecideWithoutAJudgement() {
        assertThat(Health.published(true, Optional.empty())).isEqualTo(Health.HEALTHY);
        assertThat(Health.published(false, Optional.empty())).isEqualTo(Health.UNHEALTHY);
    }

    @Test
    void shouldNeverPublishANodeThatIsNotReadyAsHealthy() {
        for (Health judged : Health.values()) {
            assertThat(Health.published(false, Optional.of(judged))).isNotEqualTo(Health.HEALTHY);
        }
    }

    @Test
    void shouldReadAJudgementBackOnlyFromAReadyNodePublishedWorseThanHealthy() {
        assertThat(Health.judgementShownBy(true, Health.UNHEALTHY)).contains(Health.UNHEALTHY);
        assertThat(Health.judgementShownBy(true, Health.DEGRADED)).contains(Health.DEGRADED);
        assertThat(Health.judgementShownBy(true, Health.HEALTHY)).isEmpty();
        assertThat(Health.judgementShownBy(false, Health.UNHEALTHY)).isEmpty();
    }
}
