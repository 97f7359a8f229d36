package io.resourcemanager.provisioner.benchmark;

import static io.resourcemanager.provisioner.benchmark.LatencySample.seconds;

import io.resourcemanager.simulator.InfraSimulator;
import io.resourcemanager.simulator.proxmox.Task;
import io.resourcemanager.state.SagaKind;
import io.resourcemanager.state.SagaStatus;
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
 * The scaling rounds: one REST request scales the empty pool to N workers; the request is done when
 * every worker's {@code NodeJoined} was seen, and the pool is scaled back to zero (every
 * {@code NodeRemoved} seen) before the next request, so requests are independent. A size smaller
 * than {@code bench.minSamples} is requested again until the round has that many workers. A first
 * request of one worker warms the service up and is not reported.
 */
final class ScaleRounds {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleRounds.class);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);

    private final BenchmarkSettings settings;
    private final RunningProvisioner service;
    private final ProvisioningWatch watch;
    private final InfraSimulator simulator;
    private final RoundFigures figures;
    private boolean complete = true;

    ScaleRounds(BenchmarkSettings settings, RunningProvisioner service, ProvisioningWatch watch,
                InfraSimulator simulator, BenchmarkReport report) {
        this.settings = settings;
        this.service = service;
        this.watch = watch;
        this.simulator = simulator;
        this.figures = new RoundFigures(report);
    }

    /** Runs the warm-up and every round into the report; false if one did not finish within its bound. */
    boolean run() {
        LOG.info("Warm-up: one worker, not reported");
        if (!request(1, new ArrayList<>())) {
            return false;
        }
        for (int count : settings.rounds()) {
            List<WorkerTimeline> timelines = new ArrayList<>();
            int requests = settings.requestsPerRound(count);
            boolean finished = true;
            for (int request = 0; request < requests && finished; request++) {
                finished = request(count, timelines);
            }
            complete &= figures.add(count, requests, timelines) && finished;
            if (!finished) {
                return false;
            }
        }
        return complete;
    }

    /** One request for {@code count} workers, its timelines added to {@code timelines}, then back to zero. */
    private boolean request(int count, List<WorkerTimeline> timelines) {
        LOG.info("Request for {} workers", count);
        Instant requested = Instant.now();
        long started = System.nanoTime();
        String commandId = String.valueOf(service.scale(BenchmarkSettings.POOL, count).get("command_id"));
        boolean sagasStarted = BoundedWait.until(() -> watch.workersOf(commandId).size() >= count,
                settings.timeout(), POLL);
        Set<String> workers = watch.workersOf(commandId);
        boolean finished = sagasStarted && awaitAll(workers, this::settled, "joined or failed", started);
        List<Task> tasks = simulator.proxmoxTasks();
        for (String worker : workers) {
            watch.joined(worker).flatMap(join -> WorkerTimeline.of(worker, requested, watch.sagaStates(worker),
                    join.at(), tasks, settings)).ifPresent(timeline -> {
                        LOG.debug("{}", timeline);
                        timelines.add(timeline);
                    });
            watch.failure(worker).ifPresent(failure -> figures.failed(count, worker, failure.getReason()));
        }
        if (!finished) {
            figures.incomplete("request for " + count + " workers: not every worker joined within "
                    + settings.timeout().toSeconds() + " s");
            return false;
        }
        Map<String, Object> answer = service.scale(BenchmarkSettings.POOL, 0);
        LOG.info("Scaling down: {} workers", answer.get("removing") instanceof List<?> removing ? removing.size() : 0);
        long down = System.nanoTime();
        boolean empty = awaitAll(workers, worker -> watch.removed(worker) || watch.failure(worker).isPresent(),
                "removed", down);
        LOG.info("Back to zero in {}", seconds(Duration.ofNanos(System.nanoTime() - down)));
        if (!empty) {
            figures.incomplete("request for " + count + " workers: the pool was not empty again within "
                    + settings.timeout().toSeconds() + " s");
        }
        return empty;
    }

    /** Failed, or joined with the saga's final state read too (the join is announced just before it is stored). */
    private boolean settled(String worker) {
        return watch.failure(worker).isPresent() || watch.joined(worker).isPresent()
                && watch.sagaStates(worker).stream().anyMatch(state -> state.getKind() == SagaKind.PROVISION
                        && state.getStatus() == SagaStatus.SUCCEEDED);
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
}
