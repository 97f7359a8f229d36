package io.resourcemanager.cost.benchmark;

import io.resourcemanager.cost.domain.CalendarWindow;
import io.resourcemanager.cost.topology.CostTopology;
import io.resourcemanager.testkit.benchmark.Hold;
import io.resourcemanager.topics.RegistrySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phases of one run, in order, each wait bounded:
 * <ol>
 *   <li><b>throughput</b>: pre-produce the usage events of one hour 33 days ago, start the application, and
 *       time until it has committed all of them and the {@code organisation=all} DAY rollup of that day
 *       shows their exact cost and tokens;</li>
 *   <li><b>lag</b>: usage used now at a steady rate; each event's time from send to the first job HOUR
 *       rollup that includes it, as a {@code read_committed} consumer sees it;</li>
 *   <li><b>memory</b>: one event per job and hour over the days before today (all within the 35-day
 *       hourly retention), then the footprint with all those hourly windows in the stores.</li>
 * </ol>
 * Totals are checked again after a settle time, and all of them once more at the end. Footprints are
 * taken between phases, where their full GCs disturb no measure.
 */
final class AggregationRun {

    private static final Logger LOG = LoggerFactory.getLogger(AggregationRun.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final int THROUGHPUT_DAYS_AGO = 33;

    private final AggregationSettings settings;
    private final String bootstrapServers;
    private final RegistrySettings registry;
    private final Admin admin;
    private final Path stateRoot;
    private final AggregationResult result;

    AggregationRun(AggregationSettings settings, String bootstrapServers, RegistrySettings registry, Admin admin,
                   Path stateRoot) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        this.admin = admin;
        this.stateRoot = stateRoot;
        this.result = new AggregationResult(settings);
    }

    /** Runs every phase it can; what it measured so far is in the result, with the phase it stopped at. */
    AggregationResult run() throws Exception {
        result.before = footprint();
        Instant today = CalendarWindow.DAY.start(Instant.now());
        try (RollupWatch watch = RollupWatch.start(bootstrapServers, registry);
             UsageLoad load = UsageLoad.connect(bootstrapServers, registry)) {
            result.watch = watch;
            result.load = load;
            result.stoppedAt = phases(watch, load, today);
            result.allExpected = load.expected();
            if (result.stoppedAt == null) {
                result.finalMismatches = watch.mismatches(result.allExpected);
            }
        }
        result.closed = footprint();
        return result;
    }

    private String phases(RollupWatch watch, UsageLoad load, Instant today) throws Exception {
        Instant hour = today.minus(Duration.ofDays(THROUGHPUT_DAYS_AGO)).plus(Duration.ofHours(12));
        LOG.info("Producing {} usage events", settings.events());
        result.produceStarted = Instant.now();
        for (int i = 0; i < settings.events(); i++) {
            int job = load.randomJob(settings.jobs());
            load.send(UsageLoad.jobName("job", job), job, null, hour.plusMillis(i * 3_600_000L / settings.events()));
        }
        load.flush();
        result.produced = Instant.now();
        result.throughputExpected = load.expected();
        watch.watch(result.throughputExpected);
        LOG.info("Produced in {} ms; starting the application", result.produced.toEpochMilli()
                - result.produceStarted.toEpochMilli());
        result.appStarted = Instant.now();
        try (RunningCost app = RunningCost.start(bootstrapServers, registry, admin, stateRoot)) {
            if (!app.awaitRunning(settings.timeout())) {
                return "the application did not reach RUNNING";
            }
            result.running = Instant.now();
            if (!await(() -> watch.reached(result.throughputExpected) && app.caughtUp(), "the throughput totals")) {
                return "the throughput phase's usage was not all in the rollups";
            }
            result.aggregated = Instant.now();
            result.throughputRollups = watch.records();
            Hold.pass(settings.settle());
            result.throughputMismatches = watch.mismatches(result.throughputExpected);
            result.afterThroughput = footprint();
            return lagAndMemory(watch, load, today, app);
        }
    }

    /**
     * Watches the organisation DAY rollups of {@code days} before their usage is sent: the watch keeps only
     * the rollups it watches, and a day the application finishes while the rest is still being sent gets no
     * later update.
     */
    private static void watchDays(RollupWatch watch, List<Instant> days) {
        Map<String, UsageLoad.Total> keys = new HashMap<>();
        days.forEach(day -> keys.put(UsageLoad.organisationDay(day), new UsageLoad.Total(0, 0)));
        watch.watch(keys);
    }

    private String lagAndMemory(RollupWatch watch, UsageLoad load, Instant today, RunningCost app) throws Exception {
        LOG.info("Lag phase: {} events/s for {} s", settings.lagRate(), settings.lagDuration().toSeconds());
        Map<String, UsageLoad.Total> earlier = load.expected();
        long rollupsBefore = watch.records();
        watchDays(watch, List.of(today));
        result.steady = new SteadyLoad(load, watch, settings.jobs()).run(settings.lagRate(), settings.lagDuration());
        result.lagExpected = newer(load.expected(), earlier);
        watch.watch(result.lagExpected);
        if (!await(() -> watch.probesSeen() == watch.probesSent() && watch.reached(result.lagExpected)
                && app.caughtUp(), "every lag probe")) {
            return "not every lag probe was seen in a rollup";
        }
        result.lagRollups = watch.records() - rollupsBefore;
        Hold.pass(settings.settle());
        result.lagMismatches = watch.mismatches(result.lagExpected);
        result.afterLag = footprint();

        LOG.info("Memory phase: {} events", settings.memoryEvents());
        earlier = load.expected();
        rollupsBefore = watch.records();
        List<Instant> days = new ArrayList<>();
        for (int day = settings.memoryDays(); day >= 1; day--) {
            days.add(today.minus(Duration.ofDays(day)));
        }
        watchDays(watch, days);
        result.memoryStarted = Instant.now();
        for (int day = settings.memoryDays(); day >= 1; day--) {
            Instant dayStart = today.minus(Duration.ofDays(day));
            for (int hour = 0; hour < 24; hour++) {
                Instant hourStart = dayStart.plus(Duration.ofHours(hour));
                for (int job = 0; job < settings.memoryJobs(); job++) {
                    load.send(UsageLoad.jobName("memory-job", job), job, UsageLoad.MODELS[job % 3],
                            hourStart.plusMillis(job * 997L % 3_600_000L));
                }
            }
        }
        load.flush();
        result.memoryProduced = Instant.now();
        result.memoryExpected = newer(load.expected(), earlier);
        watch.watch(result.memoryExpected);
        if (!await(() -> watch.reached(result.memoryExpected) && app.caughtUp(), "the memory phase's totals")) {
            return "the memory phase's usage was not all in the rollups";
        }
        result.memoryAggregated = Instant.now();
        result.memoryRollups = watch.records() - rollupsBefore;
        Hold.pass(settings.settle());
        result.memoryMismatches = watch.mismatches(result.memoryExpected);
        result.afterMemory = footprint();
        result.rollupEntries = app.approximateEntries(CostTopology.ROLLUPS_STORE);
        return null;
    }

    /** The totals of {@code now} that are new or changed since {@code earlier}. */
    private static Map<String, UsageLoad.Total> newer(Map<String, UsageLoad.Total> now,
                                                      Map<String, UsageLoad.Total> earlier) {
        Map<String, UsageLoad.Total> changed = new HashMap<>(now);
        earlier.forEach((key, total) -> {
            if (total.equals(now.get(key))) {
                changed.remove(key);
            }
        });
        return changed;
    }

    private Footprint footprint() {
        return Footprint.measure(stateRoot, admin, RunningCost.APPLICATION_ID);
    }

    /** Whether {@code condition} held within the timeout; progress is logged while it does not. */
    private boolean await(Callable<Boolean> condition, String what) {
        Instant[] nextProgress = {Instant.now().plus(PROGRESS_EVERY)};
        try {
            Awaitility.await(what).atMost(settings.timeout()).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .conditionEvaluationListener(evaluation -> {
                        if (!evaluation.isSatisfied() && Instant.now().isAfter(nextProgress[0])) {
                            LOG.info("Waiting for {} … ({} rollups read)", what, result.watch.records());
                            nextProgress[0] = nextProgress[0].plus(PROGRESS_EVERY);
                        }
                    })
                    .until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
