package io.resourcemanager.ttl.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void shouldReportTimeLeftBeforeTheDeadlineAndNeverNegativeTime() {
        Deadline deadline = Deadline.of("alloc-1", Deadline.SubjectKind.ALLOCATION, NOON.plusSeconds(90), null);

        assertThat(deadline.remaining(NOON)).isEqualTo(Duration.ofSeconds(90));
        assertThat(deadline.remaining(NOON.plusSeconds(120))).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldKnowTheRoomLeftBeforeItsLimit() {
        Deadline deadline = Deadline.of("w", Deadline.SubjectKind.WORKER, NOON, NOON.plus(Duration.ofHours(3)));

        assertThat(deadline.room()).contains(Duration.ofHours(3));
        assertThat(deadline.extendedBy(Duration.ofHours(2)).room()).contains(Duration.ofHours(1));
        assertThat(deadline.extendedBy(Duration.ofHours(2)).extensionsUsed()).isEqualTo(1);
    }

    @Test
    void shouldHaveNoRoomLimitWhenUnlimitedAndNeverALimitBeforeTheDeadline() {
        assertThat(Deadline.of("a", Deadline.SubjectKind.ALLOCATION, NOON, null).room()).isEmpty();
        assertThat(Deadline.of("a", Deadline.SubjectKind.ALLOCATION, NOON, NOON.minusSeconds(5)).limit()).isEqualTo(NOON);
    }

    @Test
    void shouldRefuseANegativeExtensionCount() {
        assertThatThrownBy(() -> new Deadline("w", Deadline.SubjectKind.WORKER, NOON, null, -1))
                .hasMessageContaining("extensionsUsed");
    }
}
