package io.resourcemanager.cost.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resourcemanager.cost.config.CostProperties;
import io.resourcemanager.cost.domain.CalendarWindow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuerySpanTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:15:00Z");
    private static final CostProperties LIMITS = new CostProperties(BigDecimal.ZERO, List.of(), BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of(50), List.of(), "medium",
            Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofDays(35), 744, 366, 36);

    @Test
    void shouldDefaultToTheLastThirtyDaysUpToTheEndOfToday() {
        QuerySpan span = QuerySpan.parse(null, null, null, LIMITS, NOW);

        assertThat(span.window()).isEqualTo(CalendarWindow.DAY);
        assertThat(span.to()).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
        assertThat(span.from()).isEqualTo(Instant.parse("2026-11-08T00:00:00Z"));
    }

    @Test
    void shouldAcceptDatesAndInstantsAndAlignTheStartToItsWindow() {
        QuerySpan span = QuerySpan.parse("hour", "2026-12-07T08:30:00Z", "2026-12-08", LIMITS, NOW);
        assertThat(span.from()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));

        QuerySpan months = QuerySpan.parse("MONTH", "2024-01-15", "2026-12-31", LIMITS, NOW);
        assertThat(months.from()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void shouldRefuseReversedTooLongOrUnreadableSpansNamingTheParameter() {
        assertThatThrownBy(() -> QuerySpan.parse("day", "2026-12-07", "2026-12-01", LIMITS, NOW))
                .isInstanceOfSatisfying(BadQueryException.class, bad -> assertThat(bad.field()).isEqualTo("from"))
                .hasMessageContaining("from must be before to");
        assertThatThrownBy(() -> QuerySpan.parse("day", "2024-01-01", "2026-01-01", LIMITS, NOW))
                .isInstanceOfSatisfying(BadQueryException.class, bad -> assertThat(bad.field()).isEqualTo("to"))
                .hasMessageContaining("a day period covers at most 366 days");
        assertThatThrownBy(() -> QuerySpan.parse("hour", "2026-10-01", "2026-12-01", LIMITS, NOW))
                .hasMessageContaining("at most 744 hours");
        assertThatThrownBy(() -> QuerySpan.parse("week", null, null, LIMITS, NOW))
                .isInstanceOfSatisfying(BadQueryException.class, bad -> assertThat(bad.field()).isEqualTo("period"));
        assertThatThrownBy(() -> QuerySpan.parse("day", "yesterday", null, LIMITS, NOW))
                .isInstanceOfSatisfying(BadQueryException.class, bad -> assertThat(bad.field()).isEqualTo("from"));
        assertThat(QuerySpan.parse("day", "2026-01-01", "2027-01-01", LIMITS, NOW).window()).as("366 days fit")
                .isEqualTo(CalendarWindow.DAY);
    }
}
