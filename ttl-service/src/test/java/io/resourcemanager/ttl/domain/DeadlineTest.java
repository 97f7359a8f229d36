package io.resourcemanager.ttl.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void shouldReportTimeLeftBeforeTheDeadline() {
        Deadline deadline = new Deadline("alloc-1", Deadline.SubjectKind.ALLOCATION, NOON.plusSeconds(90), 0);

        assertThat(deadline.remaining(at(NOON))).isEqualTo(Duration.ofSeconds(90));
        assertThat(deadline.isDue(at(NOON))).isFalse();
    }

    @Test
    void shouldBeDueAtTheDeadlineAndNeverReportNegativeTime() {
        Deadline deadline = new Deadline("alloc-1", Deadline.SubjectKind.ALLOCATION, NOON, 0);

        assertThat(deadline.isDue(at(NOON))).isTrue();
        assertThat(deadline.remaining(at(NOON.plusSeconds(30)))).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldRefuseANegativeExtensionCount() {
        assertThatThrownBy(() -> new Deadline("w", Deadline.SubjectKind.WORKER, NOON, -1))
                .hasMessageContaining("extensionsUsed");
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
