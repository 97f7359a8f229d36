package io.resourcemanager.ttl.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.events.TtlExpired;
import io.resourcemanager.events.TtlWarning;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.state.TrackedDeadline;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/** A countdown interrupted by a restart resumes from what the changelog holds and fires exactly once. */
class CountdownRestartTest {

    private static final Instant START = Events.T0;

    @Test
    void shouldFireExactlyOnceAfterARestartFromTheChangelogMidCountdown() {
        Map<String, TrackedDeadline> countdowns;
        Map<String, String> index;
        try (TtlDriver before = new TtlDriver(START)) {
            before.granted("alloc-1", 600);
            before.joined("burst-1", Duration.ofMinutes(20), Duration.ofHours(12));
            before.advanceTo(START.plus(Duration.ofMinutes(5)));
            assertThat(before.announced()).singleElement().isInstanceOf(TtlWarning.class);
            countdowns = before.changelog(DeadlineTopology.DEADLINES_STORE,
                    before.serdes.forStore(TrackedDeadline.class).deserializer());
            index = before.changelog(DeadlineIndex.STORE, Serdes.String().deserializer());
        }
        assertThat(countdowns).containsOnlyKeys("alloc-1", "burst-1");
        assertThat(index).hasSize(2);

        try (TtlDriver after = new TtlDriver(START.plus(Duration.ofMinutes(7)))) {
            after.restore(DeadlineTopology.DEADLINES_STORE, countdowns);
            after.restore(DeadlineIndex.STORE, index);

            after.advanceTo(START.plus(Duration.ofMinutes(10)));
            assertThat(after.announced()).singleElement().isInstanceOfSatisfying(TtlExpired.class,
                    expired -> assertThat(expired.getSubjectId()).isEqualTo("alloc-1"));
            after.advanceTo(START.plus(Duration.ofMinutes(15)));
            assertThat(after.announced()).singleElement().isInstanceOf(TtlWarning.class);
            after.advanceTo(START.plus(Duration.ofMinutes(20)));
            assertThat(after.announced()).singleElement().isInstanceOfSatisfying(TtlExpired.class,
                    expired -> assertThat(expired.getSubjectId()).isEqualTo("burst-1"));
            after.advance(Duration.ofHours(3));
            assertThat(after.announced()).isEmpty();
        }
    }
}
