package io.resourcemanager.provisioner.benchmark;

import static io.resourcemanager.provisioner.benchmark.LatencySample.seconds;

import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.proxmox.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scaling rounds: for each round, one REST request scales the empty pool to N workers; the round
 * ends when every worker's {@code NodeJoined} was seen, and the pool is scaled back to zero (every
 * {@code NodeRemoved} seen) before the next round, so rounds are independent. A first round of one
 * worker warms the service up and is not reported.
 */
final class ScaleRounds {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleRounds.class);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final String TARGET = "p99 ≤ 1 s";

    private final BenchmarkSettings settings;
    private final ProvisionerUnderTest service;
    private final ProvisioningWatch watch;
    private final InfraSimulator simulator;
    private final BenchmarkReport report;
    private boolean complete = true;

    ScaleRounds(BenchmarkSettings settings, ProvisionerUnderTest service, ProvisioningWatch watch,
                InfraSimulator simulator, BenchmarkReport report) {
        this.settings = settings;
        this.service = service;
        this.watch = watch;
        this.simulator = simulator;
        this.report = report;
    }

    /** Runs the warm-up and every round into the report; false if one did not finish within its bound. */
    boolean run() {
        report.breakdownColumns(List.of("workers at once", "clone step − clone", "configure step − configure",
                "start + boot steps − start − boot", "join + label steps", "saga done → NodeJoined seen"));
        LOG.info("Warm-up: one worker, not reported");
        if (!round(1, false)) {
            return false;
        }
        for (int count : settings.rounds()) {
            if (!round(count, true)) {
                return false;
            }
        }
        return complete;
    }

    private boolean round(int count, boolean reported) {
        LOG.info("Round of {} workers", count);
        Instant requested = Instant.now();
        long started = System.nanoTime();
        String commandId = String.valueOf(service.scale(BenchmarkSettings.POOL, count).get("command_id"));
        boolean sagasStarted = BoundedWait.until(() -> watch.workersOf(commandId).size() >= count,
                settings.timeout(), POLL);
        Set<String> workers = watch.workersOf(commandId);
        boolean finished = sagasStarted && awaitAll(workers, this::settled, "joined or failed", started);
        if (reported) {
            record(count, requested, workers);
        }
        if (!finished) {
            return requireThat(false, "round of " + count + ": not every worker joined within "
                    + settings.timeout().toSeconds() + " s");
        }
        Map<String, Object> answer = service.scale(BenchmarkSettings.POOL, 0);
        LOG.info("Scaling down: {}", answer.get("removing"));
        long down = System.nanoTime();
        boolean empty = awaitAll(workers, worker -> watch.removed(worker) || watch.failure(worker).isPresent(),
                "removed", down);
        LOG.info("Round of {}: scaled back to zero in {}", count, seconds(Duration.ofNanos(System.nanoTime() - down)));
        return requireThat(empty, "round of " + count + ": the pool was not empty again within "
                + settings.timeout().toSeconds() + " s");
    }

    private boolean settled(String worker) {
        return watch.joined(worker).isPresent() || watch.failure(worker).isPresent();
    }

    /** Waits until {@code done} holds for every worker, logging progress every few seconds. */
    private boolean awaitAll(Set<String> workers, Function<String, Boolean> done, String what, long since) {
        long deadline = since + settings.timeout().toNanos();
        while (true) {
            boolean all = BoundedWait.until(() -> workers.stream().allMatch(done::apply), PROGRESS_INTERVAL, POLL);
            if (all || System.nanoTime() >= deadline) {
                return all;
            }
            LOG.info("  {} of {} {} after {}", workers.stream().filter(done::apply).count(), workers.size(), what,
                    seconds(Duration.ofNanos(System.nanoTime() - since)));
        }
    }

    private void record(int count, Instant requested, Set<String> workers) {
        List<Task> tasks = simulator.proxmoxTasks();
        List<WorkerTimeline> timelines = new ArrayList<>();
        for (String worker : workers) {
            watch.joined(worker).flatMap(join -> WorkerTimeline.of(worker, requested, watch.sagaStates(worker),
                    join.at(), tasks, settings)).ifPresent(timelines::add);
        }
        timelines.forEach(timeline -> LOG.debug("{}", timeline));
        long failed = workers.stream().filter(worker -> watch.failure(worker).isPresent()).count();
        String label = "round of " + count + " at once: ";
        report.add(label + "workers joined / requested (failed)",
                timelines.size() + " / " + count + " (" + failed + ")");
        Duration wall = timelines.stream().map(timeline -> Duration.between(requested, timeline.seen()))
                .max(Duration::compareTo).orElse(null);
        report.add(label + "request → last NodeJoined seen", seconds(wall));
        report.add(label + "injected per worker (clone + configure + start + boot), p50 / max",
                sample(timelines, timeline -> timeline.injected().total()).p50max());
        LatencySample admission = sample(timelines, WorkerTimeline::overheadFromAdmission);
        report.add(label + "**overhead from admission**, p50 / p99", admission.p50p99(), TARGET);
        report.add(label + "overhead from request (includes waiting for a place), p50 / p99",
                sample(timelines, WorkerTimeline::overheadFromRequest).p50p99());
        report.add(label + "waiting for one of the provisioning places, p50 / p99",
                sample(timelines, WorkerTimeline::slotWait).p50p99());
        report.breakdownRow(List.of(String.valueOf(count),
                sample(timelines, WorkerTimeline::cloneOverhead).p50p99(),
                sample(timelines, WorkerTimeline::configureOverhead).p50p99(),
                sample(timelines, WorkerTimeline::startAndBootOverhead).p50p99(),
                sample(timelines, WorkerTimeline::joinAndLabel).p50p99(),
                sample(timelines, WorkerTimeline::announcement).p50p99()));
        LOG.info("Round of {}: {} joined in {}; overhead from admission p50 / p99 {}, max {}", count,
                timelines.size(), seconds(wall), admission.p50p99(), seconds(admission.max()));
        requireThat(timelines.size() == count,
                label + (count - timelines.size()) + " workers without a complete timeline");
        long unmatched = timelines.stream().filter(timeline -> timeline.injected().cloning().isZero()
                || timeline.injected().configure().isZero() || timeline.injected().start().isZero()).count();
        requireThat(unmatched == 0, label + unmatched + " workers whose clone, configure or start task was not found");
    }

    private static LatencySample sample(List<WorkerTimeline> timelines, Function<WorkerTimeline, Duration> measure) {
        LatencySample sample = new LatencySample();
        timelines.forEach(timeline -> sample.add(measure.apply(timeline)));
        return sample;
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
