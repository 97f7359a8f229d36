package io.resourcemanager.ttl.benchmark;

import io.resourcemanager.testkit.benchmark.Distribution;
import io.resourcemanager.testkit.benchmark.ProcessMemory;
import io.resourcemanager.testkit.benchmark.MarkdownReport;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.resourcemanager.events.ExpiryReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Turns a {@link ExpiryRun.Result} into the report's tables and says whether the run is a failure. */
final class ExpiryFigures {

    /** The earlier system checked every 5 minutes: its lateness is uniform over 0–300 s. */
    private static final Duration OLD_CHECK = Duration.ofMinutes(5);
    private static final Duration TARGET = Duration.ofSeconds(1);
    private static final Duration TICK = Duration.ofMillis(250);
    private static final Duration HUNDRED_FOLD = OLD_CHECK.dividedBy(100);

    private final ExpiryRun.Result run;
    private final List<Long> eventLateness = new ArrayList<>();
    private final List<Long> visibleLateness = new ArrayList<>();
    private final List<Long> delivery = new ArrayList<>();
    private int missed;
    private int premature;
    private int wrongDeadline;
    private int otherReason;
    private int unexpected;

    ExpiryFigures(ExpiryRun.Result run) {
        this.run = run;
        run.deadlines().forEach((subject, deadline) -> {
            TtlEventWatch.Expiry expiry = run.expiries().get(subject);
            if (expiry == null) {
                missed++;
                return;
            }
            eventLateness.add(Duration.between(deadline, expiry.occurredAt()).toNanos());
            visibleLateness.add(Duration.between(deadline, expiry.received()).toNanos());
            delivery.add(Duration.between(expiry.occurredAt(), expiry.received()).toNanos());
            premature += expiry.occurredAt().isBefore(deadline) ? 1 : 0;
            wrongDeadline += expiry.deadline().equals(deadline) ? 0 : 1;
            otherReason += expiry.reason() == ExpiryReason.DEADLINE ? 0 : 1;
        });
        unexpected = (int) run.expiries().keySet().stream().filter(subject -> !run.deadlines().containsKey(subject))
                .count();
    }

    /** True when the run finished and every due allocation expired exactly once, on time and no other. */
    boolean passed() {
        return run.complete() && missed == 0 && premature == 0 && wrongDeadline == 0 && otherReason == 0
                && unexpected == 0 && run.repeatedExpiries() == 0 && run.sendFailures() == 0;
    }

    /** Adds every figure to {@code report}. */
    void addTo(MarkdownReport report) {
        Distribution event = Distribution.ofNanos(eventLateness);
        Distribution visible = Distribution.ofNanos(visibleLateness);
        report.table("measure", "value", "target");
        if (run.live() != null) {
            report.row("load " + run.live().count() + " live allocations: acked, records/s",
                    Distribution.seconds(nanos(run.live().started(), run.live().acked())) + ", "
                            + rate(run.live().perSecond()), "");
        }
        if (run.liveLoaded() != null) {
            report.row("live: first send → all committed by the application",
                    Distribution.seconds(nanos(run.live().started(), run.liveLoaded())), "");
        }
        if (run.due() != null) {
            report.row("load " + run.due().count() + " due allocations: acked, records/s",
                    Distribution.seconds(nanos(run.due().started(), run.due().acked())) + ", "
                            + rate(run.due().perSecond()), "");
        }
        if (run.loaded() != null) {
            report.row("due: first send → all committed by the application",
                    Distribution.seconds(nanos(run.due().started(), run.loaded())), "");
            report.row("store entries when loaded (running countdowns)", run.loadedScan().entries() + " ("
                    + run.loadedScan().running() + ")", String.valueOf(run.settings().total()));
        }
        if (run.quietFrom() != null) {
            report.row("quiet phase: warnings done → first deadline",
                    Distribution.seconds(nanos(run.quietFrom(), run.firstDeadline())), "");
            if (run.quietFrom().isAfter(run.firstDeadline())) {
                report.row("**the window began before loading and warnings were done**", "raise bench.leadSeconds",
                        "");
            }
        }
        report.row("**TtlExpired seen for due allocations** / missed / repeated", run.deadlines().size() - missed
                + " / " + missed + " / " + run.repeatedExpiries(), run.deadlines().size() + " / 0 / 0");
        report.row("TtlExpired before its deadline / wrong deadline / not DEADLINE / for a live allocation",
                premature + " / " + wrongDeadline + " / " + otherReason + " / " + unexpected, "0 / 0 / 0 / 0");
        report.row("TtlWarning seen for due allocations / repeated / for live ones", countWarned(true) + " / "
                + run.repeatedWarnings() + " / " + countWarned(false), run.deadlines().size() + " / 0 / 0");
        report.row("**expiry lateness, event time** (occurred_at − deadline): p50 / p90 / p99 / max",
                bold(event.secondsP50P90P99Max()), "p99 ≤ 1 s " + verdict(event.percentile(99)));
        report.row("**expiry lateness, visible** (read_committed receipt − deadline): p50 / p90 / p99 / max",
                bold(visible.secondsP50P90P99Max()), "p99 ≤ 1 s " + verdict(visible.percentile(99)));
        report.row("expiries later than one tick interval (250 ms), event time", String.format(Locale.ROOT,
                "%d (%.2f %%)", event.countAbove(TICK.toNanos()), 100.0 * event.countAbove(TICK.toNanos())
                        / Math.max(1, event.count())), "");
        report.row("produced → visible to a read_committed consumer: p50 / p90 / p99 / max",
                Distribution.ofNanos(delivery).secondsP50P90P99Max(), "");
        long oldP99 = OLD_CHECK.multipliedBy(99).dividedBy(100).toNanos();
        report.row("earlier system (checks every 5 min, lateness uniform 0–300 s): p50 / p99",
                Distribution.seconds(OLD_CHECK.dividedBy(2).toNanos()) + " / " + Distribution.seconds(oldP99), "");
        report.row("p99 visible lateness vs the 5-minute checker's p99", visible.count() == 0 ? "n/a"
                : String.format(Locale.ROOT, "%.0f× lower", oldP99 / (double) Math.max(1, visible.percentile(99))),
                "≥ 100× (p99 ≤ 3 s)");
        addTicks(report);
        addFootprint(report);
        addMeters(report, event);
    }

    private void addTicks(MarkdownReport report) {
        TickRecorder meters = run.meters();
        report.table("punctuations (one per stream task per 250 ms)", "count", "due fired (mean / max per tick)",
                "duration mean / p50 / p99 / max");
        if (run.quietFrom() != null) {
            long quiet = run.quietFrom().toEpochMilli();
            long first = run.firstDeadline().toEpochMilli();
            long end = run.windowEnd() == null ? Long.MAX_VALUE : run.windowEnd().toEpochMilli();
            List<TickRecorder.Tick> quietTicks =
                    meters.ticks(tick -> tick.recordedAtMillis >= quiet && tick.recordedAtMillis < first);
            List<TickRecorder.Tick> windowTicks =
                    meters.ticks(tick -> tick.recordedAtMillis >= first && tick.recordedAtMillis <= end);
            if (run.liveLoaded() != null && run.idleEnd() != null) {
                long from = run.liveLoaded().toEpochMilli();
                long to = run.idleEnd().toEpochMilli();
                tickRow(report, "idle phase, " + run.settings().live() + " live, nothing due, no deletions yet",
                        meters.ticks(tick -> tick.recordedAtMillis >= from && tick.recordedAtMillis < to));
            }
            tickRow(report, "quiet phase, " + run.settings().total() + " live, nothing due", quietTicks);
            tickRow(report, "window, ticks that fired expiries",
                    windowTicks.stream().filter(tick -> tick.due > 0).toList());
            tickRow(report, "window, ticks with nothing due",
                    windowTicks.stream().filter(tick -> tick.due == 0).toList());
            tickRow(report, "before the quiet phase (loading), ticks that fired warnings",
                    meters.ticks(tick -> tick.recordedAtMillis < quiet && tick.due > 0));
            double seconds = Math.max(1e-3, (first - quiet) / 1e3);
            report.note(String.format(Locale.ROOT, "Quiet phase: %.1f punctuations/s over %.1f s; longest time "
                    + "between two punctuations of any task: %d ms in the quiet phase, %d ms in the window",
                    quietTicks.size() / seconds, seconds, longestGap(quietTicks), longestGap(windowTicks)));
        }
        addScans(report, "full pass over the `deadlines` store (interactive query, Avro values)",
                run.loadedScan() == null ? List.of() : List.of(run.loadedScan()), run.deadlineScans());
        addScans(report, "full pass over the `deadline-index` store (interactive query)", List.of(), run.indexScans());
    }

    /** The longest time between the starts of two consecutive punctuations, in milliseconds. */
    private static long longestGap(List<TickRecorder.Tick> ticks) {
        long[] starts = ticks.stream().mapToLong(tick -> tick.recordedAtMillis - tick.nanos / 1_000_000).sorted()
                .toArray();
        long longest = 0;
        for (int i = 1; i < starts.length; i++) {
            longest = Math.max(longest, starts[i] - starts[i - 1]);
        }
        return longest;
    }

    private static void tickRow(MarkdownReport report, String what, List<TickRecorder.Tick> ticks) {
        Distribution durations = Distribution.ofNanos(ticks.stream().map(tick -> tick.nanos).toList());
        int fired = ticks.stream().mapToInt(tick -> tick.due).sum();
        int maxDue = ticks.stream().mapToInt(tick -> tick.due).max().orElse(0);
        report.row(what, String.valueOf(ticks.size()), String.format(Locale.ROOT, "%d in all (%.1f / %d)", fired,
                ticks.isEmpty() ? 0 : fired / (double) ticks.size(), maxDue), durations.millisMeanP50P99Max());
    }

    private static void addScans(MarkdownReport report, String what, List<RunningDeadlines.Scan> whenLoaded,
                                 List<RunningDeadlines.Scan> after) {
        if (!whenLoaded.isEmpty()) {
            RunningDeadlines.Scan scan = whenLoaded.get(0);
            report.note(what + ", once when loaded: " + scan.entries() + " entries in "
                    + Distribution.millis(scan.nanos()));
        }
        if (!after.isEmpty()) {
            report.note(what + ", after the window (" + after.size() + " passes): " + after.get(0).entries()
                    + " entries (" + after.get(0).running() + " running), " + after.stream()
                    .map(scan -> Distribution.millis(scan.nanos())).collect(Collectors.joining(", ")));
        }
    }

    private void addFootprint(MarkdownReport report) {
        report.table("footprint", "heap used after GC", "process RSS (peak so far)",
                "RocksDB memtables / block caches / table readers", "index in memtables: entries / deletions",
                "state directory on disk", "changelogs on the broker");
        footprintRow(report, "before the application started (broker, registry client)", run.before());
        footprintRow(report, run.settings().live() + " live, before the due load", run.liveFootprint());
        footprintRow(report, "loaded: " + run.settings().total() + " live", run.loadedFootprint());
        footprintRow(report, "after the window", run.afterFootprint());
        footprintRow(report, "after a clean close (RocksDB memtables flushed)", run.closedFootprint());
    }

    private static void footprintRow(MarkdownReport report, String when, Footprint footprint) {
        if (footprint != null) {
            RocksDbGauges rocksDb = footprint.rocksDb();
            report.row(when, ProcessMemory.mib(footprint.memory().heapBytes()), ProcessMemory.mib(footprint.memory().rssBytes()) + " ("
                    + ProcessMemory.mib(footprint.memory().peakRssBytes()) + ")", ProcessMemory.mib(rocksDb.memtableBytes()) + " / "
                    + ProcessMemory.mib(rocksDb.blockCacheBytes()) + " / " + ProcessMemory.mib(rocksDb.tableReaderBytes()),
                    rocksDb.indexEntries() + " / " + rocksDb.indexDeletes(), ProcessMemory.mib(footprint.stateDirBytes()),
                    ProcessMemory.mib(footprint.changelogBytes()));
        }
    }

    private void addMeters(MarkdownReport report, Distribution event) {
        TickRecorder meters = run.meters();
        Timer tick = meters.find(TickRecorder.TICK).timer();
        DistributionSummary due = meters.find(TickRecorder.TICK_DUE).summary();
        Timer lateness = meters.find("rm.ttl.expiry.lateness").timer();
        if (tick != null) {
            report.note(String.format(Locale.ROOT, "Meter %s (whole run): count %d, mean %.2f ms, max %.2f ms "
                    + "(decaying), %s", TickRecorder.TICK, tick.count(), tick.mean(TimeUnit.MILLISECONDS),
                    tick.max(TimeUnit.MILLISECONDS), percentiles(tick)));
        }
        if (due != null) {
            report.note(String.format(Locale.ROOT, "Meter %s: %d ticks fired something, mean %.1f, max %.0f (decaying)",
                    TickRecorder.TICK_DUE, due.count(), due.mean(), due.max()));
        }
        if (lateness != null) {
            report.note(String.format(Locale.ROOT, "Meter rm.ttl.expiry.lateness: count %d, mean %.1f ms, max %.1f ms "
                    + "(decaying), %s; the benchmark's own event-time mean %.1f ms", lateness.count(),
                    lateness.mean(TimeUnit.MILLISECONDS), lateness.max(TimeUnit.MILLISECONDS), percentiles(lateness),
                    event.mean() / 1e6));
        }
        report.note("Meter rm.ttl.facts: " + meters.find("rm.ttl.facts").counters().stream()
                .map(counter -> counter.getId().getTag("fact") + "/" + counter.getId().getTag("cause") + "="
                        + (long) counter.count())
                .sorted().collect(Collectors.joining(", ")));
    }

    private static String percentiles(Timer timer) {
        return "published " + Arrays.stream(timer.takeSnapshot().percentileValues())
                .map(value -> String.format(Locale.ROOT, "p%.0f %.1f ms", value.percentile() * 100,
                        value.value(TimeUnit.MILLISECONDS)))
                .collect(Collectors.joining(", ")) + " (decaying window of about 2 min)";
    }

    private long countWarned(boolean due) {
        Predicate<String> isDue = run.deadlines()::containsKey;
        return run.warned().stream().filter(due ? isDue : isDue.negate()).count();
    }

    private static long nanos(Instant from, Instant to) {
        return Duration.between(from, to).toNanos();
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f records/s", perSecond);
    }

    private static String bold(String text) {
        return "**" + text + "**";
    }

    private static String verdict(long p99Nanos) {
        if (p99Nanos <= TARGET.toNanos()) {
            return "(met)";
        }
        return p99Nanos <= HUNDRED_FOLD.toNanos() ? "(not met; beats the 5-minute checker 100×)" : "(not met)";
    }
}
