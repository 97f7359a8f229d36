package io.resourcemanager.cost.benchmark;

import static io.resourcemanager.cost.benchmark.AggregationResult.exact;
import static io.resourcemanager.cost.benchmark.AggregationResult.rate;

import io.resourcemanager.cost.topology.CostTopology;
import io.resourcemanager.testkit.benchmark.Distribution;
import io.resourcemanager.testkit.benchmark.MarkdownReport;
import io.resourcemanager.testkit.benchmark.ProcessMemory;
import io.resourcemanager.topics.Topics;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Turns an {@link AggregationResult} into the report's tables. */
final class AggregationFigures {

    private static final double TARGET_PER_SECOND = 50_000;
    private static final int FULL_JOBS = 10_000;

    private final AggregationResult run;

    AggregationFigures(AggregationResult run) {
        this.run = run;
    }

    /** Adds every figure to {@code report}. */
    void addTo(MarkdownReport report) {
        AggregationSettings settings = run.settings;
        report.table("measure", "value", "target");
        if (run.produced != null) {
            report.row(String.format(Locale.ROOT, "pre-produce %,d usage events (one hour, %,d jobs): acked",
                    settings.events(), settings.jobs()), seconds(run.produceStarted, run.produced) + ", "
                    + perSecond(rate(settings.events(), run.produceStarted, run.produced)), "");
        }
        if (run.running != null) {
            report.row("application start → RUNNING", seconds(run.appStarted, run.running), "");
        }
        if (run.aggregated != null) {
            double fromStart = rate(settings.events(), run.appStarted, run.aggregated);
            report.row("**throughput**: start → all committed and the organisation DAY total exact",
                    bold(seconds(run.appStarted, run.aggregated) + ", " + perSecond(fromStart)),
                    "≥ 50,000 events/s " + (fromStart >= TARGET_PER_SECOND ? "(met)" : "(not met)"));
            report.row("throughput from RUNNING", seconds(run.running, run.aggregated) + ", "
                    + perSecond(rate(settings.events(), run.running, run.aggregated)), "");
            report.row("organisation=all DAY total: expected / exact after settle", totals(run.throughputExpected)
                    + " / " + verdict(run.throughputMismatches), "exact");
            report.row("rollups published on rm.cost.rollups (per usage event; per second)",
                    amplification(run.throughputRollups, settings.events()) + String.format(Locale.ROOT, "; %,.0f/s",
                            rate(run.throughputRollups, run.running, run.aggregated)), "");
        }
        if (run.steady != null) {
            addLag(report);
        }
        if (run.memoryAggregated != null) {
            long events = settings.memoryEvents();
            report.row(String.format(Locale.ROOT, "memory load: %,d events (%,d jobs × %d days × 24 h) acked",
                    events, settings.memoryJobs(), settings.memoryDays()), seconds(run.memoryStarted,
                    run.memoryProduced) + ", " + perSecond(rate(events, run.memoryStarted, run.memoryProduced)), "");
            report.row("memory load: first send → all committed and every day's total exact (one buffer entry per"
                    + " event)", seconds(run.memoryStarted, run.memoryAggregated) + ", "
                    + perSecond(rate(events, run.memoryStarted, run.memoryAggregated)), "");
            report.row("organisation=all DAY totals of " + run.memoryExpected.size() + " days: exact after settle",
                    verdict(run.memoryMismatches), "exact");
            report.row("rollups published (per usage event)", amplification(run.memoryRollups, events), "");
        }
        if (run.finalMismatches != null) {
            report.row("every organisation DAY total at the end (" + run.allExpected.size() + " days)",
                    verdict(run.finalMismatches), "exact");
        }
        report.row("sends not acknowledged", String.valueOf(run.load == null ? 0 : run.load.failures()), "0");
        addFootprints(report);
    }

    private void addLag(MarkdownReport report) {
        Distribution lag = Distribution.ofNanos(run.watch.lags());
        report.row(String.format(Locale.ROOT, "lag phase: %,d events/s for %d s: sent", run.settings.lagRate(),
                run.settings.lagDuration().toSeconds()), String.format(Locale.ROOT, "%,d (%,.0f events/s)",
                run.steady.count(), run.steady.perSecond()), "");
        report.row("**lag usage → job HOUR rollup visible (read_committed)**: p50 / p90 / p99 / max",
                bold(lag.secondsP50P90P99Max()), "");
        report.row("lag: mean / events seen / probes sent", String.format(Locale.ROOT, "%.3f s / %,d / %,d",
                lag.mean() / 1e9, lag.count(), run.watch.probesSent()), "");
        report.row("lag phase's DAY total exact after settle", verdict(run.lagMismatches), "exact");
        report.row("rollups published in the lag phase (per usage event)", amplification(run.lagRollups,
                run.steady.count()), "");
    }

    private void addFootprints(MarkdownReport report) {
        List<String> names = Arrays.asList("before (broker, registry client)", "after throughput", "after lag",
                "after memory load", "after close");
        List<Footprint> all = Arrays.asList(run.before, run.afterThroughput, run.afterLag, run.afterMemory, run.closed);
        report.table("footprint", "heap after GC", "RSS / peak", "RocksDB memtables / block cache / readers",
                "SST / state dir", "changelogs (cost-rollups / usage-buffer / all)", "rm.cost.rollups",
                "rollup keys (estimate)");
        for (int i = 0; i < names.size(); i++) {
            Footprint footprint = all.get(i);
            if (footprint == null) {
                continue;
            }
            RocksDbGauges rocks = footprint.rocksDb();
            report.row(names.get(i), ProcessMemory.mib(footprint.memory().heapBytes()),
                    ProcessMemory.mib(footprint.memory().rssBytes()) + " / "
                            + ProcessMemory.mib(footprint.memory().peakRssBytes()),
                    ProcessMemory.mib(rocks.memtableBytes()) + " / " + ProcessMemory.mib(rocks.blockCacheBytes())
                            + " / " + ProcessMemory.mib(rocks.tableReaderBytes()),
                    ProcessMemory.mib(rocks.sstBytes()) + " / " + ProcessMemory.mib(footprint.stateDirBytes()),
                    topic(footprint, CostTopology.ROLLUPS_STORE) + " / " + topic(footprint,
                            CostTopology.USAGE_BUFFER_STORE) + " / " + ProcessMemory.mib(footprint.changelogBytes()),
                    topic(footprint, Topics.COST_ROLLUPS.name()), String.format(Locale.ROOT, "%,d",
                            rocks.rollupKeys()));
        }
        if (run.afterMemory != null) {
            addExtrapolation(report);
        }
    }

    private void addExtrapolation(MarkdownReport report) {
        AggregationSettings settings = run.settings;
        long keys = memoryKeys(settings.memoryJobs());
        long events = settings.memoryEvents();
        report.note(String.format(Locale.ROOT, "Rollup keys the memory phase adds: %,d (%,d of them job HOUR rollups);"
                        + " interactive-query estimate of the cost-rollups store after it: %,d entries", keys,
                (long) settings.memoryJobs() * settings.memoryDays() * 24, run.rollupEntries));
        if (settings.memoryJobs() >= FULL_JOBS) {
            return;
        }
        long fullKeys = memoryKeys(FULL_JOBS);
        long fullEvents = (long) FULL_JOBS * settings.memoryDays() * 24;
        Footprint from = run.afterLag;
        Footprint to = run.afterMemory;
        long changelog = grown(from, to, Footprint::changelogBytes);
        long rollupTopic = grown(from, to,
                footprint -> footprint.topicBytes().getOrDefault(Topics.COST_ROLLUPS.name(), 0L));
        long sst = grown(from, to, footprint -> footprint.rocksDb().sstBytes());
        report.note(String.format(Locale.ROOT, "Growth over the memory phase: changelogs %s (%.0f bytes per event), "
                        + "rm.cost.rollups %s (%.0f bytes per event), SST files %s (%.0f bytes per rollup key)",
                ProcessMemory.mib(changelog), changelog / (double) events, ProcessMemory.mib(rollupTopic),
                rollupTopic / (double) events, ProcessMemory.mib(sst), sst / (double) keys));
        report.note(String.format(Locale.ROOT, "**Extrapolated, not measured**: %,d jobs × %d days × 24 h are %,d "
                        + "events and %,d rollup keys; at the growth per event and per key above, that is about %s "
                        + "of changelog writes and %s of rm.cost.rollups (as the broker held them; its log cleaner "
                        + "compacts meanwhile), %s of SST files, and at the memory phase's rate %.0f minutes of "
                        + "processing", FULL_JOBS, settings.memoryDays(),
                fullEvents, fullKeys, ProcessMemory.mib(changelog * fullEvents / events),
                ProcessMemory.mib(rollupTopic * fullEvents / events), ProcessMemory.mib(sst * fullKeys / keys),
                fullEvents / rate(events, run.memoryStarted, run.memoryAggregated) / 60));
    }

    /** Rollup keys of {@code jobs} jobs reporting every hour of the memory phase's days, in all windows. */
    private long memoryKeys(int jobs) {
        int projects = Math.min(jobs, AggregationSettings.PROJECTS);
        long values = jobs + projects + Math.min(projects, AggregationSettings.DIVISIONS)
                + Math.min(jobs, AggregationSettings.AGENTS) + Math.min(jobs, UsageLoad.MODELS.length) + 1;
        long months = run.memoryExpected.keySet().stream().map(key -> key.substring(key.lastIndexOf('|') + 1,
                key.lastIndexOf('|') + 8)).distinct().count();
        return values * (run.settings.memoryDays() * 24L + run.settings.memoryDays() + months);
    }

    private static long grown(Footprint from, Footprint to, Function<Footprint, Long> measure) {
        return measure.apply(to) - measure.apply(from);
    }

    private static String topic(Footprint footprint, String name) {
        Long bytes = footprint.topicBytes().get(name);
        return bytes == null ? "n/a" : ProcessMemory.mib(bytes);
    }

    private static String totals(Map<String, UsageLoad.Total> totals) {
        return totals.values().stream().map(Objects::toString).reduce((a, b) -> a + "; " + b).orElse("none");
    }

    private static String verdict(Map<String, UsageLoad.Total> mismatches) {
        if (mismatches == null) {
            return "not checked";
        }
        return exact(mismatches) ? "exact" : "**WRONG** " + mismatches;
    }

    private static String amplification(long rollups, long events) {
        return String.format(Locale.ROOT, "%,d (%.2f)", rollups, rollups / (double) Math.max(1, events));
    }

    private static String seconds(Instant from, Instant to) {
        return String.format(Locale.ROOT, "%.2f s", AggregationResult.seconds(from, to));
    }

    private static String perSecond(double rate) {
        return String.format(Locale.ROOT, "%,.0f events/s", rate);
    }

    private static String bold(String text) {
        return "**" + text + "**";
    }
}
