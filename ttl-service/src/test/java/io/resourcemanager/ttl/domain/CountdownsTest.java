package io.resourcemanager.ttl.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CountdownsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Countdowns RULES = new Countdowns(TtlPolicy.DEFAULTS);

    @Test
    void shouldBeDueForTheWarningFiveMinutesBeforeTheDeadline() {
        Countdown countdown = started(allocation(T0.plus(Duration.ofHours(1))));

        assertThat(RULES.dueAt(countdown)).isEqualTo(T0.plus(Duration.ofMinutes(55)));
        assertThat(RULES.fire(countdown, T0.plus(Duration.ofMinutes(54))).facts()).isEmpty();
    }

    @Test
    void shouldWarnOnceWithTheTimeLeftThenBeDueAtTheDeadline() {
        Outcome warned = RULES.fire(started(allocation(T0.plus(Duration.ofHours(1)))), T0.plus(Duration.ofMinutes(55)));

        assertThat(warned.facts()).singleElement().isInstanceOfSatisfying(TtlFact.Warned.class,
                warning -> assertThat(warning.remaining()).isEqualTo(Duration.ofMinutes(5)));
        assertThat(RULES.dueAt(warned.countdown())).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(RULES.fire(warned.countdown(), T0.plus(Duration.ofMinutes(58))).facts()).isEmpty();
    }

    @Test
    void shouldExpireAnAllocationAtItsDeadlineWithoutGrace() {
        Outcome expired = RULES.fire(started(allocation(T0)), T0);

        assertThat(expired.facts()).singleElement().isInstanceOfSatisfying(TtlFact.Expired.class, fact -> {
            assertThat(fact.cause()).isEqualTo(ExpiryCause.DEADLINE);
            assertThat(fact.grace()).isZero();
        });
        assertThat(expired.countdown().isRunning()).isFalse();
    }

    @Test
    void shouldGiveAnExpiredWorkerFiveMinutesOfGrace() {
        Outcome expired = RULES.fire(started(worker(T0, null)), T0);

        assertThat(expired.facts()).singleElement().isInstanceOfSatisfying(TtlFact.Expired.class,
                fact -> assertThat(fact.grace()).isEqualTo(Duration.ofMinutes(5)));
    }

    @Test
    void shouldSkipTheWarningWhenTheDeadlineHasAlreadyPassed() {
        Outcome late = RULES.fire(started(allocation(T0)), T0.plus(Duration.ofMinutes(10)));

        assertThat(late.facts()).singleElement().isInstanceOf(TtlFact.Expired.class);
    }

    @Test
    void shouldNeverExpireTwiceAndPurgeTheFinishedCountdownAfterItsRetention() {
        Countdown expired = RULES.fire(started(allocation(T0)), T0).countdown();

        assertThat(RULES.fire(expired, T0.plus(Duration.ofHours(1))).facts()).isEmpty();
        assertThat(RULES.dueAt(expired)).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(RULES.fire(expired, T0.plus(Duration.ofHours(24))).change()).isEqualTo(Outcome.Change.REMOVED);
    }

    @Test
    void shouldKeepTheFirstDeadlineLearnedWhenTheSameSubjectIsLearnedAgain() {
        Countdown extended = RULES.extend(started(allocation(T0.plusSeconds(60))), request("r1", null)).countdown();

        Outcome relearned = RULES.learn(extended, allocation(T0.plusSeconds(60)));

        assertThat(relearned.change()).isEqualTo(Outcome.Change.NONE);
        assertThat(relearned.countdown().deadline().at()).isEqualTo(T0.plusSeconds(60).plus(Duration.ofHours(2)));
    }

    @Test
    void shouldForgetAReleasedSubjectSoThatNothingExpiresForIt() {
        Countdown gone = RULES.forget(started(allocation(T0.plusSeconds(60))), T0).countdown();

        assertThat(gone.isRunning()).isFalse();
        assertThat(gone.closed().expired()).isFalse();
        assertThat(RULES.fire(gone, T0.plusSeconds(60)).facts()).isEmpty();
        assertThat(RULES.forget(gone, T0.plusSeconds(61)).change()).isEqualTo(Outcome.Change.NONE);
    }

    @Test
    void shouldExtendByTwoHoursByDefaultAndWarnAgainBeforeTheNewDeadline() {
        Countdown warned = RULES.fire(started(allocation(T0.plus(Duration.ofMinutes(5)))), T0).countdown();

        Outcome extended = RULES.extend(warned, request("r1", null));

        assertThat(extended.facts()).singleElement().isInstanceOfSatisfying(TtlFact.Extended.class, fact -> {
            assertThat(fact.before().at()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            assertThat(fact.after().at()).isEqualTo(T0.plus(Duration.ofMinutes(125)));
            assertThat(fact.after().extensionsUsed()).isEqualTo(1);
        });
        assertThat(extended.countdown().warned()).isFalse();
        assertThat(RULES.dueAt(extended.countdown())).isEqualTo(T0.plus(Duration.ofMinutes(120)));
    }

    @Test
    void shouldRefuseAFourthExtensionSayingWhy() {
        Countdown countdown = started(allocation(T0.plusSeconds(60)));
        for (int i = 1; i <= 3; i++) {
            countdown = RULES.extend(countdown, request("r" + i, Duration.ofMinutes(10))).countdown();
        }

        Outcome fourth = RULES.extend(countdown, request("r4", Duration.ofMinutes(10)));

        assertThat(fourth.facts()).singleElement().isInstanceOfSatisfying(TtlFact.Refused.class, refused -> {
            assertThat(refused.refusal().reason()).isEqualTo(Refusal.Reason.TOO_MANY_EXTENSIONS);
            assertThat(refused.refusal().message()).contains("At most 3 extensions");
        });
        assertThat(fourth.countdown().deadline().extensionsUsed()).isEqualTo(3);
    }

    @Test
    void shouldRefuseAnExtensionPastThePoolsMaxTtlNamingTheRoomLeft() {
        Countdown countdown = started(worker(T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofHours(5))));

        Outcome refused = RULES.extend(countdown, request("r1", null));

        assertThat(refused.facts()).singleElement().isInstanceOfSatisfying(TtlFact.Refused.class, fact -> {
            assertThat(fact.refusal().reason()).isEqualTo(Refusal.Reason.PAST_LIMIT);
            assertThat(fact.refusal().message()).contains("at most 1 h more");
        });
        assertThat(RULES.extend(countdown, request("r2", Duration.ofHours(1))).facts())
                .singleElement().isInstanceOf(TtlFact.Extended.class);
    }

    @Test
    void shouldRefuseExtendingAnUnknownAFinishedOrByNothing() {
        assertThat(RULES.refusal(null, Duration.ofHours(1)).orElseThrow().reason())
                .isEqualTo(Refusal.Reason.UNKNOWN_SUBJECT);
        Countdown expired = RULES.fire(started(allocation(T0)), T0).countdown();
        assertThat(RULES.refusal(expired, Duration.ofHours(1)).orElseThrow().reason())
                .isEqualTo(Refusal.Reason.ALREADY_OVER);
        assertThat(RULES.refusal(started(allocation(T0)), Duration.ZERO).orElseThrow().reason())
                .isEqualTo(Refusal.Reason.NOT_POSITIVE);
    }

    @Test
    void shouldDecideARepeatedRequestOnlyOnce() {
        Countdown once = RULES.extend(started(allocation(T0.plusSeconds(60))), request("r1", null)).countdown();

        Outcome again = RULES.extend(once, request("r1", null));

        assertThat(again.change()).isEqualTo(Outcome.Change.NONE);
        assertThat(again.facts()).isEmpty();
        assertThat(again.countdown().deadline().extensionsUsed()).isEqualTo(1);
    }

    @Test
    void shouldExpireAWorkerIdleForThirtyMinutesWithoutGrace() {
        Countdown countdown = started(worker(T0.plus(Duration.ofHours(4)), null));
        for (int minute = 0; minute <= 30; minute++) {
            countdown = RULES.observe(countdown, sample(minute, 0.01, 0)).countdown();
        }

        assertThat(RULES.dueAt(countdown)).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        Outcome idle = RULES.fire(countdown, T0.plus(Duration.ofMinutes(30)));

        assertThat(idle.facts()).singleElement().isInstanceOfSatisfying(TtlFact.Expired.class, fact -> {
            assertThat(fact.cause()).isEqualTo(ExpiryCause.IDLE);
            assertThat(fact.grace()).isZero();
        });
    }

    @Test
    void shouldRestartTheIdleStretchWhenTheWorkerGetsBusyOrRunsWorkloadPods() {
        Countdown countdown = started(worker(T0.plus(Duration.ofHours(4)), null));
        countdown = RULES.observe(countdown, sample(0, 0.01, 0)).countdown();
        countdown = RULES.observe(countdown, sample(10, 0.50, 0)).countdown();
        assertThat(countdown.idleSince()).isNull();
        countdown = RULES.observe(countdown, sample(11, 0.01, 0)).countdown();
        countdown = RULES.observe(countdown, sample(12, 0.01, 1)).countdown();

        assertThat(countdown.idleSince()).isNull();
        assertThat(RULES.dueAt(countdown)).isEqualTo(T0.plus(Duration.ofMinutes(235)));
    }

    @Test
    void shouldNotExpireOnIdlenessThatIsNoLongerObserved() {
        Countdown countdown = RULES.observe(started(worker(T0.plus(Duration.ofHours(4)), null)), sample(0, 0.0, 0))
                .countdown();

        Outcome stale = RULES.fire(countdown, T0.plus(Duration.ofMinutes(30)));

        assertThat(stale.facts()).isEmpty();
        assertThat(stale.countdown().idleSince()).isNull();
        assertThat(RULES.dueAt(stale.countdown())).isAfter(T0.plus(Duration.ofMinutes(30)));
    }

    @Test
    void shouldIgnoreSamplesOfAllocationsAndOutOfOrderSamples() {
        Countdown allocation = started(allocation(T0.plus(Duration.ofHours(1))));
        assertThat(RULES.observe(allocation, sample(0, 0.0, 0)).change()).isEqualTo(Outcome.Change.NONE);

        Countdown worker = RULES.observe(started(worker(T0.plus(Duration.ofHours(4)), null)), sample(5, 0.9, 3))
                .countdown();
        assertThat(RULES.observe(worker, sample(4, 0.0, 0)).change()).isEqualTo(Outcome.Change.NONE);
    }

    @Test
    void shouldAlwaysMakeProgressWhenSomethingIsDue() {
        Countdown countdown = RULES.observe(started(worker(T0.plus(Duration.ofMinutes(40)), null)), sample(0, 0.0, 0))
                .countdown();
        Instant now = T0;
        for (int step = 0; step < 10 && countdown != null; step++) {
            now = RULES.dueAt(countdown).isAfter(now) ? RULES.dueAt(countdown) : now;
            Outcome outcome = RULES.fire(countdown, now);
            assertThat(outcome.change()).as("due at %s", now).isNotEqualTo(Outcome.Change.NONE);
            countdown = outcome.countdown();
        }
        assertThat(countdown).isNull();
    }

    private static Countdown started(Deadline deadline) {
        return RULES.learn(null, deadline).countdown();
    }

    private static Deadline allocation(Instant at) {
        return TtlPolicy.DEFAULTS.deadline("alloc-1", Deadline.SubjectKind.ALLOCATION, T0, at, null);
    }

    private static Deadline worker(Instant at, Instant limit) {
        return TtlPolicy.DEFAULTS.deadline("burst-1", Deadline.SubjectKind.WORKER, T0, at, limit);
    }

    private static ExtensionRequest request(String id, Duration extension) {
        return new ExtensionRequest(id, "alloc-1", extension);
    }

    private static ActivitySample sample(int minute, double cpu, int pods) {
        return new ActivitySample("burst-1", cpu, pods, T0.plus(Duration.ofMinutes(minute)));
    }
}
