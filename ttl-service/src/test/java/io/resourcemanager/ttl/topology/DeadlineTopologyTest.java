package io.resourcemanager.ttl.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.ExpiryReason;
import io.resourcemanager.events.SubjectType;
import io.resourcemanager.events.TtlExpired;
import io.resourcemanager.events.TtlExtended;
import io.resourcemanager.events.TtlExtensionRefused;
import io.resourcemanager.events.TtlWarning;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.topics.Topics;
import io.resourcemanager.ttl.config.TtlProperties;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlineTopologyTest {

    private static final Instant START = Events.T0;
    private final TtlDriver ttl = new TtlDriver(START);

    @AfterEach
    void close() {
        ttl.close();
    }

    @Test
    void shouldWarnFiveMinutesBeforeAndExpireAnAllocationAtItsDeadline() {
        ttl.granted("alloc-1", 3600);

        ttl.advanceTo(START.plus(Duration.ofMinutes(54)).plusSeconds(59));
        assertThat(ttl.announced()).isEmpty();
        ttl.advanceTo(START.plus(Duration.ofMinutes(55)));
        assertThat(ttl.announced()).singleElement().isInstanceOfSatisfying(TtlWarning.class, warning -> {
            assertThat(warning.getRemainingSeconds()).isEqualTo(300);
            assertThat(warning.getSubjectType()).isEqualTo(SubjectType.ALLOCATION);
        });
        ttl.advanceTo(START.plus(Duration.ofMinutes(60)).minusMillis(250));
        assertThat(ttl.announced()).isEmpty();
        ttl.advanceTo(START.plus(Duration.ofMinutes(60)));
        assertThat(ttl.announced()).singleElement().isInstanceOfSatisfying(TtlExpired.class, expired -> {
            assertThat(expired.getSubjectId()).isEqualTo("alloc-1");
            assertThat(expired.getDeadline()).isEqualTo(START.plus(Duration.ofHours(1)));
            assertThat(expired.getReason()).isEqualTo(ExpiryReason.DEADLINE);
            assertThat(expired.getGraceSeconds()).isZero();
        });
        ttl.advance(Duration.ofHours(2));
        assertThat(ttl.announced()).isEmpty();
    }

    @Test
    void shouldAnnounceTheExpiryInTheFlowOfTheGrant() {
        AllocationEventEnvelope grant = Events.allocationGranted("alloc-1", START, 60);
        ttl.pipe(Topics.ALLOCATION_EVENTS, "alloc-1", grant);

        ttl.advance(Duration.ofMillis(250));
        ttl.advance(Duration.ofMinutes(1));

        assertThat(ttl.envelopes()).hasSize(2).allSatisfy(event -> {
            assertThat(event.getHeader().getCorrelationId()).isEqualTo(grant.getHeader().getCorrelationId());
            assertThat(event.getHeader().getProducer()).isEqualTo("ttl-service");
        });
    }

    @Test
    void shouldGiveAnExpiredWorkerItsGrace() {
        ttl.joined("burst-1", Duration.ofHours(4), Duration.ofHours(12));

        ttl.advance(Duration.ofHours(4));

        assertThat(ttl.announced()).filteredOn(TtlExpired.class::isInstance).singleElement()
                .isInstanceOfSatisfying(TtlExpired.class, expired -> {
                    assertThat(expired.getSubjectType()).isEqualTo(SubjectType.WORKER);
                    assertThat(expired.getGraceSeconds()).isEqualTo(300);
                });
    }

    @Test
    void shouldNeverExpireWhatWasReleasedOrAWorkerWithoutTtl() {
        ttl.granted("alloc-1", 60);
        ttl.released("alloc-1");
        ttl.joined("worker-permanent-001", null, null);

        ttl.advance(Duration.ofHours(1));

        assertThat(ttl.announced()).isEmpty();
        assertThat(ttl.countdowns().get("worker-permanent-001")).isNull();
    }

    @Test
    void shouldExtendByTwoHoursByDefaultAndExpireAtTheNewDeadlineOnly() {
        ttl.granted("alloc-1", 600);
        ttl.extensionRequested("req-1", "alloc-1", null);

        assertThat(ttl.announced()).singleElement().isInstanceOfSatisfying(TtlExtended.class, extended -> {
            assertThat(extended.getNewDeadline()).isEqualTo(START.plus(Duration.ofMinutes(130)));
            assertThat(extended.getExtensionsUsed()).isEqualTo(1);
            assertThat(extended.getRequestId()).isEqualTo("req-1");
        });
        ttl.advanceTo(START.plus(Duration.ofMinutes(124)));
        assertThat(ttl.announced()).isEmpty();
        ttl.advanceTo(START.plus(Duration.ofMinutes(125)));
        assertThat(ttl.announced()).singleElement().isInstanceOf(TtlWarning.class);
        ttl.advanceTo(START.plus(Duration.ofMinutes(130)));
        assertThat(ttl.announced()).singleElement().isInstanceOf(TtlExpired.class);
    }

    @Test
    void shouldRefuseAFourthExtensionAndOnePastThePoolsMaxTtlWithAReason() {
        ttl.joined("burst-1", Duration.ofHours(4), Duration.ofHours(12));
        for (int i = 1; i <= 4; i++) {
            ttl.extensionRequested("req-" + i, "burst-1", Duration.ofHours(1));
        }
        ttl.extensionRequested("req-5", "burst-1", null);

        assertThat(ttl.announced()).hasSize(5).filteredOn(TtlExtensionRefused.class::isInstance)
                .extracting(event -> ((TtlExtensionRefused) event).getReason())
                .containsExactly("At most 3 extensions; burst-1 had 3", "At most 3 extensions; burst-1 had 3");
        ttl.joined("burst-2", Duration.ofHours(11), Duration.ofHours(12));
        ttl.extensionRequested("req-6", "burst-2", null);
        assertThat(ttl.announced()).singleElement().isInstanceOfSatisfying(TtlExtensionRefused.class,
                refused -> assertThat(refused.getReason()).contains("would pass the max TTL", "at most 1 h more"));
        assertThat(ttl.countdowns().get("burst-2").getDeadline()).isEqualTo(START.plus(Duration.ofHours(11)));
    }

    @Test
    void shouldRefuseExtendingAnUnknownSubject() {
        ttl.extensionRequested("req-1", "alloc-unknown", null);

        assertThat(ttl.announced()).singleElement().isInstanceOfSatisfying(TtlExtensionRefused.class, refused -> {
            assertThat(refused.getSubjectType()).isEqualTo(SubjectType.UNKNOWN);
            assertThat(refused.getRequestId()).isEqualTo("req-1");
        });
    }

    @Test
    void shouldChangeNothingOnDuplicateEvents() {
        ttl.granted("alloc-1", 600);
        ttl.extensionRequested("req-1", "alloc-1", null);
        ttl.extensionRequested("req-1", "alloc-1", null);
        ttl.granted("alloc-1", 600);

        assertThat(ttl.announced()).hasSize(1);
        assertThat(ttl.countdowns().get("alloc-1").getExtensionsUsed()).isEqualTo(1);
        assertThat(ttl.countdowns().get("alloc-1").getDeadline()).isEqualTo(START.plus(Duration.ofMinutes(130)));
    }

    @Test
    void shouldExpireAWorkerIdleForThirtyMinutesEarly() {
        ttl.joined("burst-1", Duration.ofHours(4), Duration.ofHours(12));
        ttl.sampled("burst-1", 0.30, 2);
        for (int minute = 1; minute <= 30; minute++) {
            ttl.advance(Duration.ofMinutes(1));
            ttl.sampled("burst-1", 0.02, 0);
        }
        assertThat(ttl.announced()).isEmpty();

        ttl.advance(Duration.ofMinutes(1));

        assertThat(ttl.announced()).singleElement().isInstanceOfSatisfying(TtlExpired.class, expired -> {
            assertThat(expired.getReason()).isEqualTo(ExpiryReason.IDLE);
            assertThat(expired.getGraceSeconds()).isZero();
        });
    }

    @Test
    void shouldKeepAWorkerWithWorkloadPodsEvenWhenItsCpuIsLow() {
        ttl.joined("burst-1", Duration.ofHours(4), Duration.ofHours(12));
        for (int minute = 0; minute <= 40; minute++) {
            ttl.sampled("burst-1", 0.01, minute % 10 == 0 ? 1 : 0);
            ttl.advance(Duration.ofMinutes(1));
        }

        assertThat(ttl.announced()).isEmpty();
    }

    @Test
    void shouldNotExpireTwiceWhenEventsAreReprocessed() {
        ttl.granted("alloc-1", 60);
        ttl.advance(Duration.ofMinutes(1));
        assertThat(ttl.announced()).filteredOn(TtlExpired.class::isInstance).hasSize(1);

        ttl.granted("alloc-1", 60);
        ttl.extensionRequested("req-1", "alloc-1", null);
        ttl.advance(Duration.ofHours(3));

        assertThat(ttl.announced()).singleElement().isInstanceOfSatisfying(TtlExtensionRefused.class,
                refused -> assertThat(refused.getReason()).contains("expired"));
    }

    @Test
    void shouldExpireAtTheNextTickWhatWasAlreadyDueWhenLearned() {
        ttl.granted("alloc-1", 600);
        ttl.advance(Duration.ofMinutes(20));
        assertThat(ttl.announced()).singleElement().isInstanceOf(TtlExpired.class);

        ttl.pipe(Topics.ALLOCATION_EVENTS, "alloc-late",
                Events.allocationGranted("alloc-late", START, 60));
        ttl.advance(Duration.ofMillis(250));

        assertThat(ttl.announced()).singleElement().isInstanceOfSatisfying(TtlExpired.class,
                expired -> assertThat(expired.getSubjectId()).isEqualTo("alloc-late"));
    }

    @Test
    void shouldFireAtMostABatchPerTickAndTheRestAtTheNextTicks() {
        TtlProperties defaults = TtlProperties.defaults();
        try (TtlDriver small = new TtlDriver(START, new TtlProperties(defaults.warningLead(), defaults.workerGrace(),
                defaults.defaultExtension(), defaults.maxExtensions(), defaults.maxLifetime(), defaults.idleCpu(),
                defaults.idleAfter(), defaults.sampleMaxAge(), defaults.closedRetention(), defaults.tick(), 2,
                defaults.outcomeTimeout()))) {
            for (int i = 1; i <= 5; i++) {
                small.pipe(Topics.ALLOCATION_EVENTS, "alloc-" + i, Events.allocationGranted("alloc-" + i,
                        START.minus(Duration.ofHours(1)), 60));
            }

            small.advance(Duration.ofMillis(250));
            assertThat(small.announced()).hasSize(2);
            small.advance(Duration.ofMillis(250));
            assertThat(small.announced()).hasSize(2);
            small.advance(Duration.ofMillis(250));
            assertThat(small.announced()).hasSize(1).allMatch(TtlExpired.class::isInstance);
        }
    }

    @Test
    void shouldForgetFinishedCountdownsAfterTheirRetention() {
        ttl.granted("alloc-1", 60);
        ttl.advance(Duration.ofMinutes(1));
        assertThat(ttl.countdowns().get("alloc-1").getClosed()).isNotNull();

        ttl.advance(Duration.ofHours(24));

        assertThat(ttl.countdowns().get("alloc-1")).isNull();
        assertThat(ttl.driver.<String, String>getKeyValueStore(DeadlineIndex.STORE).approximateNumEntries()).isZero();
    }
}
