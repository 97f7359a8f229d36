package io.resourcemanager.health.benchmark;

import io.resourcemanager.testkit.benchmark.ProcessMemory;
import io.resourcemanager.testkit.benchmark.Distribution;
import io.resourcemanager.testkit.benchmark.MarkdownReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The figures of one run as Markdown, and whether the run passed (complete, every change reported). */
final class ObservationReport {

    private static final long ONE_SECOND = Duration.ofSeconds(1).toNanos();
    private static final int THREAD_GROUPS = 14;

    private final Run run;

    ObservationReport(Run run) {
        this.run = run;
    }

    /** Events for steady (not flapping) nodes beyond their first: a stale heartbeat or a spurious change. */
    static int steadyExtraEvents(List<Integer> flapping, List<String> names, Map<String, Integer> eventsByNode) {
        Set<String> flappers = Set.copyOf(flapping.stream().map(names::get).toList());
        return eventsByNode.entrySet().stream().filter(e -> !flappers.contains(e.getKey()))
                .mapToInt(e -> Math.max(0, e.getValue() - 1)).sum();
    }

    boolean passed() {
        return run.stoppedAt == null && run.latency != null && run.latency.matched == run.latency.changes
                && run.writeFailures == 0;
    }

    String toMarkdown() {
        MarkdownReport report = new MarkdownReport("Health observation: " + run.settings.describe());
        if (run.stoppedAt != null) {
            report.note("**Stopped early:** " + run.stoppedAt);
        }
        if (run.latency != null) {
            addLatency(report);
            addCpu(report);
        }
        addMemory(report);
        report.note("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " processors, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; broker, API server, service and load in "
                + "this JVM, registry in a child process");
        report.note(String.format(Locale.ROOT, "System load average (1 min, whole machine): %.2f before the run, "
                + "%.2f after it; finished %s", run.loadBefore, run.loadAfter, Instant.now()));
        report.note("Source revision: " + System.getProperty("bench.revision", "unknown"));
        report.note("Result: " + (passed() ? "every change reported" : "**FAILED** (see above)"));
        return report.toMarkdown();
    }

    private void addLatency(MarkdownReport report) {
        ChangeLatency latency = run.latency;
        Distribution visible = Distribution.ofNanos(latency.visibleNanos);
        double seconds = run.settings.flapPeriod().toSeconds();
        report.table("measure", "value", "target")
                .row("service start (context) / start → first NodeHealthChanged of every node seen",
                        String.format(Locale.ROOT, "%.2f s / %.2f s", run.serviceStartSeconds, run.initialSeconds), "")
                .row("events in the initial snapshot", String.valueOf(run.initialEvents),
                        String.valueOf(run.settings.nodes()))
                .row("condition changes written / failed writes", latency.changes + " / " + run.writeFailures, "")
                .row("change rate achieved / planned", String.format(Locale.ROOT, "%.1f / %.1f changes/s",
                        latency.changes / seconds, run.plannedRate), "")
                .row("heartbeat refreshes written (no change)", String.valueOf(run.heartbeats), "")
                .row("changes reported / not reported", latency.matched + " / " + (latency.changes - latency.matched),
                        "all")
                .row("events of flapping nodes matching no change / further events of steady nodes / other events",
                        latency.unmatchedEvents + " / " + run.steadyExtraEvents + " / " + run.otherEvents, "0 / 0 / 0")
                .row("**accepted → NodeHealthChanged read: p50 / p90 / p99 / max**",
                        "**" + visible.secondsP50P90P99Max() + "**", "p99 ≤ 1 s")
                .row("changes read more than 1 s after acceptance", String.valueOf(visible.countAbove(ONE_SECOND)), "")
                .row("accepted → header occurred_at: p50 / p90 / p99 / max",
                        Distribution.ofNanos(latency.producedNanos).secondsP50P90P99Max(), "")
                .row("write round trip (sent → API answer): p50 / p90 / p99 / max",
                        Distribution.ofNanos(latency.roundTripNanos).secondsP50P90P99Max(), "");
    }

    private void addCpu(MarkdownReport report) {
        ThreadCpu end = run.cpuFlapEnd;
        ThreadCpu start = run.cpuFlapStart;
        double wall = end.wallSeconds(start);
        Map<ThreadCpu.Group, Double> groups = end.since(start, run.apiServerThreads);
        Map<ThreadCpu.Group, Double> initial = run.cpuInitial.since(run.cpuBeforeService, run.apiServerThreads);
        report.table("CPU", "flapping (" + Math.round(wall) + " s)", "share of one core")
                .row("whole process (all threads, GC and JIT included)",
                        String.format(Locale.ROOT, "%.1f s", end.processSeconds(start)),
                        percent(end.processCores(start)))
                .row("garbage collection (elapsed time the collectors report, not CPU)",
                        String.format(Locale.ROOT, "%.1f s", end.gcSeconds(start)), "");
        ThreadCpu.byPart(groups).forEach((part, seconds) -> report.row("threads: " + part,
                String.format(Locale.ROOT, "%.1f s", seconds), percent(seconds / wall)));
        report.table("thread group (part)", "CPU while flapping", "share of one core",
                "CPU during start + initial snapshot");
        groups.entrySet().stream().limit(THREAD_GROUPS).forEach(e -> report.row(
                "`" + e.getKey().name() + "` (" + e.getKey().part() + ")",
                String.format(Locale.ROOT, "%.2f s", e.getValue()), percent(e.getValue() / wall),
                String.format(Locale.ROOT, "%.2f s", initial.getOrDefault(e.getKey(), 0.0))));
        report.note(String.format(Locale.ROOT, "Start + initial snapshot (%.1f s): whole process %.1f s CPU; "
                        + "service threads %.1f s", run.cpuInitial.wallSeconds(run.cpuBeforeService),
                run.cpuInitial.processSeconds(run.cpuBeforeService),
                ThreadCpu.byPart(initial).getOrDefault("service", 0.0)));
    }

    private void addMemory(MarkdownReport report) {
        report.table("memory (after full GC)", "heap used / RSS / peak RSS");
        report.row("before the service starts (broker, API server with the nodes, load, consumer)",
                run.memoryBefore == null ? "n/a" : run.memoryBefore.describe());
        report.row("service started, initial snapshot published",
                run.memoryInitial == null ? "n/a" : run.memoryInitial.describe());
        report.row("after flapping", run.memoryAfter == null ? "n/a" : run.memoryAfter.describe());
    }

    private static String percent(double cores) {
        return String.format(Locale.ROOT, "%.1f %%", cores * 100);
    }

    /** What one run measured; filled in phase by phase, so a run stopped early reports what it got. */
    static final class Run {
        final ObservationSettings settings;
        double loadBefore;
        double loadAfter;
        String stoppedAt;
        double serviceStartSeconds;
        double initialSeconds;
        int initialEvents;
        ProcessMemory memoryBefore;
        ProcessMemory memoryInitial;
        ProcessMemory memoryAfter;
        ThreadCpu cpuBeforeService;
        ThreadCpu cpuInitial;
        ThreadCpu cpuFlapStart;
        ThreadCpu cpuFlapEnd;
        Set<Long> apiServerThreads = Set.of();
        List<NodeFleet.Change> changes = List.of();
        double plannedRate;
        int heartbeats;
        int writeFailures;
        ChangeLatency latency;
        List<Integer> flapping = List.of();
        int steadyExtraEvents;
        int otherEvents;

        Run(ObservationSettings settings) {
            this.settings = settings;
        }
    }
}
