package io.resourcemanager.health.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartLogTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

    private final RestartLog log = new RestartLog(Duration.ofMinutes(20));

    @Test
    void shouldCountRestartsWithinTheWindowOnly() {
        log.record("n1", "e1", NOW.minusSeconds(60), 1, NOW);
        log.record("n1", "e2", NOW.minusSeconds(120), 1, NOW);
        log.record("n2", "e3", NOW.minusSeconds(60), 1, NOW);

        assertThat(log.count("n1", NOW)).isEqualTo(2);
        assertThat(log.count("n1", NOW.plus(Duration.ofMinutes(19)))).isEqualTo(1);
        assertThat(log.count("n1", NOW.plus(Duration.ofMinutes(20)))).isZero();
    }

    @Test
    void shouldCountARepeatedEventByItsCountAndADuplicateDeliveryOnce() {
        assertThat(log.record("n1", "e1", NOW, 1, NOW)).isTrue();
        assertThat(log.record("n1", "e1", NOW, 1, NOW)).isFalse();
        assertThat(log.record("n1", "e1", NOW.plusSeconds(5), 3, NOW)).isTrue();

        assertThat(log.count("n1", NOW)).isEqualTo(3);
    }

    @Test
    void shouldIgnoreARestartAlreadyOutOfTheWindow() {
        assertThat(log.record("n1", "old", NOW.minus(Duration.ofMinutes(21)), 1, NOW)).isFalse();

        assertThat(log.count("n1", NOW)).isZero();
        assertThat(log.count("unseen", NOW)).isZero();
    }

    @Test
    void shouldForgetANode() {
        log.record("n1", "e1", NOW, 1, NOW);
        log.forget("n1");

        assertThat(log.count("n1", NOW)).isZero();
    }
}
