package io.resourcemanager.allocation.benchmark;

import static io.resourcemanager.allocation.benchmark.BenchmarkReport.millis;
import static io.resourcemanager.allocation.benchmark.BenchmarkReport.perSecond;
import static io.resourcemanager.allocation.benchmark.BenchmarkReport.seconds;

import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.allocation.domain.Resources;
import io.resourcemanager.allocation.topology.LedgerTopology;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.topics.Topics;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phases of one run, in order: start the ledger, load the nodes, load the live allocations,
 * churn at each paced rate and then unpaced, restart without local state. Every wait is bounded;
 * a loading phase that does not finish in time ends the run with the figures measured so far.
 */
final class LedgerBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerBenchmark.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final long STORE_POLL_MILLIS = 100;
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    /** The offered load the latency target of the issue refers to, requests per second. */
    private static final int LATENCY_TARGET_RATE = 1000;

    private final BenchmarkSettings settings;
    private final LedgerUnderTest ledger;
    private final EventPublisher publisher;
    private final DecisionTracker tracker;
    private final ConsumerGroupProbe group;
    private final LoadGenerator generator;
    private final BenchmarkReport report;
    private boolean complete = true;

    LedgerBenchmark(BenchmarkSettings settings, LedgerUnderTest ledger, EventPublisher publisher,
                    DecisionTracker tracker, ConsumerGroupProbe group, BenchmarkReport report) {
        requireRoomForChurn(settings);
        this.settings = settings;
        this.ledger = ledger;
        this.publisher = publisher;
        this.tracker = tracker;
        this.group = group;
        this.generator = new LoadGenerator(publisher, tracker);
        this.report = report;
    }

    /** Runs every phase into the report; false if a phase did not finish within its bound. */
    boolean run() throws InterruptedException {
        long baselineHeap = HeapProbe.usedAfterGcMib();
        ledger.start();
        boolean loaded = requireThat(ledger.awaitRunning(START_TIMEOUT), "the ledger did not reach RUNNING in time")
                && loadNodes() && loadAllocations();
        report.add("heap used after GC: broker, registry client and benchmark, before the ledger",
                baselineHeap + " MiB");
        if (loaded) {
            report.add("heap used after GC: with the ledger loaded", HeapProbe.usedAfterGcMib() + " MiB");
            measureChurn();
            measureRestore();
            report.add("heap used after GC: after the restore (new instance)", HeapProbe.usedAfterGcMib() + " MiB");
        } else {
            report.add("heap used after GC: when the run stopped", HeapProbe.usedAfterGcMib() + " MiB");
        }
        report.note("Decisions seen by type: " + tracker.outcomes()
                + "; producer send failures: " + generator.failedSends());
        return complete;
    }

    private boolean loadNodes() throws InterruptedException {
        long first = System.nanoTime();
        CompletableFuture<?>[] acks = new CompletableFuture<?>[settings.nodes()];
        for (int i = 0; i < settings.nodes(); i++) {
            acks[i] = publisher.publish(Topics.NODES, BenchmarkEvents.nodeName(i),
                    BenchmarkEvents.node(i, settings.nodeCpuMillis(), settings.nodeMemoryMb()));
        }
        CompletableFuture.allOf(acks).join();
        Duration left = settings.loadTimeout().minusNanos(System.nanoTime() - first);
        BoundedWait.until(() -> ledger.storeEntries(LedgerTopology.NODES_STORE) >= settings.nodes(), left,
                Duration.ofMillis(STORE_POLL_MILLIS));
        long loaded = ledger.storeEntries(LedgerTopology.NODES_STORE);
        long elapsed = System.nanoTime() - first;
        LOG.info("{} of {} nodes in the ledger after {}", loaded, settings.nodes(), seconds(elapsed));
        report.add("load " + settings.nodes() + " nodes (first send → all in the ledger's node store)",
                loaded >= settings.nodes() ? seconds(elapsed) : "only " + loaded + " within " + seconds(elapsed));
        return requireThat(loaded >= settings.nodes(), "the nodes were not loaded in time");
    }

    private boolean loadAllocations() throws InterruptedException {
        PhaseResult load = measure(() -> generator.allocate(settings.allocations()), settings.loadTimeout());
        LOG.info("{} of {} allocations decided after {}", load.answered(), settings.allocations(),
                seconds(load.elapsedNanos()));
        report.add("load " + settings.allocations() + " allocations (first send → last decision consumed)",
                load.complete() ? seconds(load.elapsedNanos())
                        : "only " + load.answered() + " within " + seconds(load.elapsedNanos()));
        report.add("load: decisions per second", perSecond(load.decisionsPerSecond(), "decisions"));
        return requireThat(load.complete(), "the allocations were not loaded in time");
    }

    /** Churn at each paced rate, then unpaced; each phase waits for all its answers before the next starts. */
    private void measureChurn() throws InterruptedException {
        for (int rate : settings.pacedRates()) {
            PhaseResult paced = measure(() -> generator.churn(settings.pacedRequests(rate), rate),
                    settings.decisionTimeout());
            addChurn("paced " + rate + " requests/s", paced, "", rate == LATENCY_TARGET_RATE ? "p99 ≤ 250 ms" : "");
        }
        PhaseResult max = measure(() -> generator.churn(settings.maxLoadRequests(), 0), settings.decisionTimeout());
        addChurn("max load", max, "≥ 5,000 decisions/s", "");
    }

    /**
     * Closes the loaded ledger, deletes its local state and starts a new instance with the same
     * application id; one new request is sent right after the start. The time to its decision is
     * split at the moment the consumer group is stable without the closed instance (before that
     * nothing is restored) and at the moment the application reports RUNNING.
     */
    private void measureRestore() throws InterruptedException {
        Set<String> closedMembers = group.memberIds();
        long stopping = System.nanoTime();
        ledger.stop();
        report.add("restore: clean close of the loaded ledger", seconds(System.nanoTime() - stopping));
        ledger.deleteLocalState();
        long before = tracker.answered();
        tracker.newSample();
        long started = System.nanoTime();
        ledger.start();
        generator.allocateNext();
        boolean rebalanced = group.awaitStableWithout(closedMembers, settings.decisionTimeout());
        long rebalancedAt = System.nanoTime();
        boolean running = ledger.awaitRunning(settings.decisionTimeout());
        long runningAt = System.nanoTime();
        boolean decided = tracker.awaitAnswered(before + 1, settings.decisionTimeout());
        String notInTime = "not within " + settings.decisionTimeout().toSeconds() + " s";
        report.add("restore: start → consumer group stable without the closed instance",
                rebalanced ? seconds(rebalancedAt - started) : notInTime);
        report.add("restore: start → RUNNING (changelogs restored, ledger rebuilt)",
                running ? seconds(runningAt - started) : notInTime);
        report.add("restore: start without local state → next decision consumed",
                decided ? seconds(tracker.lastAnswerNanos() - started) : notInTime, "≤ 30 s for 100,000 allocations");
        report.add("restore: entries in the allocations store after the restart (live and ended)",
                String.valueOf(ledger.storeEntries(LedgerTopology.ALLOCATIONS_STORE)));
        requireThat(running && decided, "the restarted ledger did not decide in time");
    }

    /** Sends, then waits for every answer, logging progress every few seconds. */
    private PhaseResult measure(Supplier<LoadGenerator.Sent> sending, Duration timeout) throws InterruptedException {
        LatencySample sample = tracker.newSample();
        long before = tracker.answered();
        LoadGenerator.Sent sent = sending.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        long target = before + sent.requests();
        while (!tracker.awaitAnswered(target, PROGRESS_INTERVAL) && System.nanoTime() < deadline) {
            LOG.info("  {} of {} answered after {}", tracker.answered() - before, sent.requests(),
                    seconds(System.nanoTime() - sent.firstSendNanos()));
        }
        return new PhaseResult(sent, tracker.answered() - before, tracker.lastAnswerNanos(), sample);
    }

    private void addChurn(String label, PhaseResult result, String decisionsTarget, String p99Target) {
        LOG.info("{}: {} of {} answered, p50 {}, p99 {}", label, result.answered(), result.sent().requests(),
                millis(result.latency(50)), millis(result.latency(99)));
        report.add(label + ": requests answered / sent", result.answered() + " / " + result.sent().requests());
        report.add(label + ": offered load achieved", perSecond(result.sent().offeredPerSecond(), "requests"));
        report.add(label + ": decisions per second (first send → last decision)",
                perSecond(result.decisionsPerSecond(), "decisions"), decisionsTarget);
        report.add(label + ": p50 latency", millis(result.latency(50)));
        report.add(label + ": p99 latency", millis(result.latency(99)), p99Target);
        requireThat(result.complete(), label + ": not every request was answered in time");
    }

    /** Churn and the restore probe add up to two allocations to the loaded ones: every one must fit. */
    private static void requireRoomForChurn(BenchmarkSettings settings) {
        Resources shape = LedgerSettings.defaults().defaultShape();
        long slotsPerNode = Math.min(settings.nodeCpuMillis() / shape.cpuMillis(),
                settings.nodeMemoryMb() / shape.memoryMb());
        if (settings.allocations() + 2L > settings.nodes() * slotsPerNode) {
            throw new IllegalArgumentException(settings.allocations() + " allocations of one worker leave no room"
                    + " for churn on " + settings.nodes() + " nodes of " + slotsPerNode + " worker slots");
        }
    }

    private boolean requireThat(boolean condition, String problem) {
        if (!condition) {
            complete = false;
            report.note("Incomplete: " + problem);
            LOG.warn("Incomplete: {}", problem);
        }
        return condition;
    }
}
