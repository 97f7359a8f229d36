package io.resourcemanager.ttl.benchmark;

import io.resourcemanager.testkit.benchmark.Hold;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.topics.RegistrySettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phases of one run, in order: start the application; load the live allocations until the
 * application has committed all of them; an idle phase; load the due ones the same way; wait for the
 * due ones' warnings (their deadlines are less than the 5-minute warning lead away, so each is warned
 * at once); the quiet phase until the first deadline; the window until every due allocation's
 * {@code TtlExpired} was seen, plus a settle time to catch repeats; then the full-store scans. Each
 * wait is bounded; footprints are taken between phases, where their full GCs disturb no measure.
 */
final class ExpiryRun {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiryRun.class);
    private static final String CLIENT_ID = "ttl-benchmark";
    private static final int SCANS = 3;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final ExpirySettings settings;
    private final String bootstrapServers;
    private final RegistrySettings registry;
    private final Admin admin;
    private final Path stateRoot;
    private final Clock clock = Clock.systemUTC();
    private final TickRecorder meters = new TickRecorder();

    ExpiryRun(ExpirySettings settings, String bootstrapServers, RegistrySettings registry, Admin admin,
              Path stateRoot) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        this.admin = admin;
        this.stateRoot = stateRoot;
    }

    /** Runs every phase it can; what it measured so far is in the result, with the phase it stopped at. */
    Result run() throws Exception {
        Result.Builder result = new Result.Builder(settings, meters);
        result.before = Footprint.measure(stateRoot, admin, RunningDeadlines.APPLICATION_ID);
        String stopped;
        try (TtlEventWatch watch = TtlEventWatch.start(bootstrapServers, registry);
             EventPublisher publisher = EventPublisher.connect(bootstrapServers, registry, CLIENT_ID);
             RunningDeadlines app = RunningDeadlines.start(bootstrapServers, registry, admin, stateRoot, meters)) {
            result.watch = watch;
            stopped = phases(result, watch, new GrantLoad(publisher, clock), app);
        }
        result.closedFootprint = Footprint.measure(stateRoot, admin, RunningDeadlines.APPLICATION_ID);
        return result.build(stopped);
    }

    /** The phases in order; null when all of them finished, else what did not. */
    private String phases(Result.Builder result, TtlEventWatch watch, GrantLoad load, RunningDeadlines app)
            throws InterruptedException {
        if (!app.awaitRunning(settings.timeout())) {
            return "the application did not reach RUNNING";
        }
        result.load = load;
        LOG.info("Loading {} live allocations", settings.live());
        result.live = load.live(settings.live());
        if (!app.awaitCaughtUp(settings.timeout())) {
            return "the live allocations were not all processed";
        }
        result.liveLoaded = clock.instant();
        LOG.info("Live allocations in the store after {} s; idle for {} s", seconds(result.live.started(),
                result.liveLoaded), settings.idle().toSeconds());
        Hold.pass(settings.idle());
        result.idleEnd = clock.instant();
        result.liveFootprint = Footprint.measure(stateRoot, admin, RunningDeadlines.APPLICATION_ID);
        LOG.info("Loading {} due allocations", settings.due());
        result.due = load.due(settings.due(), settings.lead(), settings.window());
        Map<String, Instant> deadlines = load.dueDeadlines();
        result.deadlines = deadlines;
        if (!app.awaitCaughtUp(settings.timeout())) {
            return "the due allocations were not all processed";
        }
        result.loaded = clock.instant();
        result.loadedScan = app.scanDeadlines();
        result.loadedFootprint = Footprint.measure(stateRoot, admin, RunningDeadlines.APPLICATION_ID);
        LOG.info("All {} allocations in the store {} s after the first send ({} entries)", settings.total(),
                seconds(result.live.started(), result.loaded), result.loadedScan.entries());
        if (!await(() -> watch.warned().containsAll(deadlines.keySet()), "warnings", settings.timeout())) {
            return "not every due allocation was warned";
        }
        result.quietFrom = clock.instant();
        result.firstDeadline = Collections.min(deadlines.values());
        result.lastDeadline = Collections.max(deadlines.values());
        LOG.info("Quiet from {} (first deadline in {} s), window until {}", result.quietFrom,
                seconds(result.quietFrom, result.firstDeadline), result.lastDeadline);
        Duration windowBound = Duration.between(clock.instant(), result.lastDeadline).plus(settings.timeout());
        boolean allExpired = await(() -> watch.expiredAmong(deadlines.keySet()) == deadlines.size(),
                "expiries", windowBound);
        result.allExpired = clock.instant();
        Hold.pass(settings.settle());
        result.windowEnd = clock.instant();
        result.afterFootprint = Footprint.measure(stateRoot, admin, RunningDeadlines.APPLICATION_ID);
        for (int i = 0; i < SCANS; i++) {
            result.deadlineScans.add(app.scanDeadlines());
            result.indexScans.add(app.scanIndex());
        }
        return allExpired ? null : "not every due allocation expired in time";
    }

    /** Whether {@code condition} held within {@code timeout}; progress is logged while it does not. */
    private boolean await(BooleanSupplier condition, String what, Duration timeout) {
        Instant[] nextProgress = {clock.instant().plus(PROGRESS_EVERY)};
        try {
            Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .conditionEvaluationListener(evaluation -> {
                        if (!evaluation.isSatisfied() && clock.instant().isAfter(nextProgress[0])) {
                            LOG.info("Waiting for {} …", what);
                            nextProgress[0] = nextProgress[0].plus(PROGRESS_EVERY);
                        }
                    })
                    .until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private static String seconds(Instant from, Instant to) {
        return String.format(Locale.ROOT, "%.2f", Duration.between(from, to).toMillis() / 1e3);
    }

    /** What a run measured; fields are null from the phase it stopped at on. */
    record Result(ExpirySettings settings, TickRecorder meters, String stoppedAt, Footprint before,
                  GrantLoad.Sent live, GrantLoad.Sent due, Instant liveLoaded, Instant idleEnd,
                  Footprint liveFootprint, Instant loaded,
                  RunningDeadlines.Scan loadedScan, Footprint loadedFootprint, Instant quietFrom,
                  Instant firstDeadline, Instant lastDeadline, Instant allExpired, Instant windowEnd,
                  Footprint afterFootprint, Footprint closedFootprint, List<RunningDeadlines.Scan> deadlineScans,
                  List<RunningDeadlines.Scan> indexScans, Map<String, Instant> deadlines,
                  Map<String, TtlEventWatch.Expiry> expiries, Set<String> warned, int repeatedExpiries,
                  int repeatedWarnings, int otherEvents, int sendFailures) {

        boolean complete() {
            return stoppedAt == null;
        }

        /** Collects the figures while the phases run. */
        private static final class Builder {
            private final ExpirySettings settings;
            private final TickRecorder meters;
            private Footprint before;
            private Footprint liveFootprint;
            private Footprint loadedFootprint;
            private Footprint afterFootprint;
            private Footprint closedFootprint;
            private TtlEventWatch watch;
            private GrantLoad load;
            private GrantLoad.Sent live;
            private GrantLoad.Sent due;
            private Instant liveLoaded;
            private Instant idleEnd;
            private Instant loaded;
            private Instant quietFrom;
            private Instant firstDeadline;
            private Instant lastDeadline;
            private Instant allExpired;
            private Instant windowEnd;
            private RunningDeadlines.Scan loadedScan;
            private final List<RunningDeadlines.Scan> deadlineScans = new ArrayList<>();
            private final List<RunningDeadlines.Scan> indexScans = new ArrayList<>();
            private Map<String, Instant> deadlines = Map.of();

            private Builder(ExpirySettings settings, TickRecorder meters) {
                this.settings = settings;
                this.meters = meters;
            }

            private Result build(String stoppedAt) {
                if (stoppedAt != null) {
                    LOG.error("Stopped early: {}", stoppedAt);
                }
                return new Result(settings, meters, stoppedAt, before, live, due, liveLoaded, idleEnd, liveFootprint,
                        loaded, loadedScan,
                        loadedFootprint, quietFrom, firstDeadline, lastDeadline, allExpired, windowEnd,
                        afterFootprint, closedFootprint, List.copyOf(deadlineScans), List.copyOf(indexScans), deadlines,
                        watch == null ? Map.of() : watch.expiries(), watch == null ? Set.of() : watch.warned(),
                        watch == null ? 0 : watch.repeatedExpiries(), watch == null ? 0 : watch.repeatedWarnings(),
                        watch == null ? 0 : watch.otherEvents(), load == null ? 0 : load.failures());
            }
        }
    }
}
