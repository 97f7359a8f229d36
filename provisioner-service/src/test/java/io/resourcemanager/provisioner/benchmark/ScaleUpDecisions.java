package io.resourcemanager.provisioner.benchmark;

import io.resourcemanager.events.ProvisionWorkers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The autoscaler's scale-up decision latency. Each repetition writes as many queued allocations for
 * the default pool as the demand threshold at once; once the broker acknowledged the last of them the
 * demand is there, so the trigger condition (demand at the threshold for {@code demand-for}) holds
 * {@code demand-for} later. Measured: from that instant to the {@code ProvisionWorkers} the autoscaler
 * sends, as this benchmark sees it on {@code rm.provisioning.commands} and as stamped in its header.
 * Between repetitions the allocations are failed, the worker asked for joins, and the autoscaler's last
 * tick must have seen no demand, so every repetition starts from the same state.
 */
final class ScaleUpDecisions {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleUpDecisions.class);
    private static final Duration POLL = Duration.ofMillis(5);
    private static final Duration SETTLE_POLL = Duration.ofMillis(100);
    /** The service's default {@code demand-threshold}. */
    private static final int DEMAND_THRESHOLD = 5;

    private final BenchmarkSettings settings;
    private final RunningProvisioner service;
    private final ProvisioningWatch watch;
    private final QueuedAllocations allocations;
    private final BenchmarkReport report;

    ScaleUpDecisions(BenchmarkSettings settings, RunningProvisioner service, ProvisioningWatch watch,
                     QueuedAllocations allocations, BenchmarkReport report) {
        this.settings = settings;
        this.service = service;
        this.watch = watch;
        this.allocations = allocations;
        this.report = report;
    }

    /** Measures every repetition into the report; false if one did not finish within its bound. */
    boolean run() throws Exception {
        LatencySample seen = new LatencySample();
        LatencySample written = new LatencySample();
        boolean complete = true;
        for (int repetition = 1; repetition <= settings.decisions() && complete; repetition++) {
            complete = settle() && measure(repetition, seen, written);
        }
        if (complete && !settle()) {
            LOG.warn("The last worker the autoscaler asked for did not join in time");
        }
        report.add("scale-up decisions measured", seen.count() + " of " + settings.decisions());
        report.add("**trigger holds → ProvisionWorkers seen**, p50 / max", seen.p50max(), "≤ 1 s");
        report.add("trigger holds → ProvisionWorkers written (its header's occurred_at), p50 / max",
                written.p50max());
        report.note("Decision latencies seen, in order (s): " + seen.list());
        if (!complete) {
            report.note("Incomplete: a scale-up decision did not come within "
                    + settings.demandFor().plus(settings.timeout()).toSeconds() + " s");
        }
        return complete;
    }

    /** Until the autoscaler ticks, saw no demand on its last tick, and no worker it asked for is on its way. */
    private boolean settle() {
        return BoundedWait.until(() -> service.autoscalerDemand(BenchmarkSettings.POOL).orElse(-1.0) == 0.0
                && autoscaleCommands().stream().allMatch(this::joined), settings.timeout(), SETTLE_POLL);
    }

    private boolean measure(int repetition, LatencySample seen, LatencySample written) throws Exception {
        Set<String> before = autoscaleCommands().stream().map(ProvisionWorkers::getCommandId)
                .collect(Collectors.toSet());
        List<String> ids = IntStream.range(0, DEMAND_THRESHOLD)
                .mapToObj(index -> "bench-demand-" + repetition + "-" + index).toList();
        allocations.queue(ids);
        Instant trigger = Instant.now().plus(settings.demandFor());
        boolean decided = BoundedWait.until(() -> next(before).isPresent(),
                settings.demandFor().plus(settings.timeout()), POLL);
        allocations.fail(ids);
        Optional<ProvisioningWatch.Seen<ProvisionWorkers>> command = next(before);
        if (!decided || command.isEmpty()) {
            return false;
        }
        Duration toSeen = Duration.between(trigger, command.get().at());
        Duration toWritten = Duration.between(trigger, command.get().occurredAt());
        seen.add(toSeen);
        written.add(toWritten);
        LOG.info("Decision {}: ProvisionWorkers for {} worker(s) seen {} and written {} after the trigger held",
                repetition, command.get().value().getCount(), LatencySample.seconds(toSeen),
                LatencySample.seconds(toWritten));
        return true;
    }

    private Optional<ProvisioningWatch.Seen<ProvisionWorkers>> next(Set<String> before) {
        return watch.provisionCommands().stream()
                .filter(command -> isAutoscaleUp(command.value()) && !before.contains(command.value().getCommandId()))
                .findFirst();
    }

    private List<ProvisionWorkers> autoscaleCommands() {
        return watch.provisionCommands().stream().map(ProvisioningWatch.Seen::value)
                .filter(ScaleUpDecisions::isAutoscaleUp).toList();
    }

    /** Whether every worker of {@code command} joined or failed (none is still on its way). */
    private boolean joined(ProvisionWorkers command) {
        Set<String> workers = watch.workersOf(command.getCommandId());
        return workers.size() >= command.getCount() && workers.stream()
                .allMatch(worker -> watch.joined(worker).isPresent() || watch.failure(worker).isPresent());
    }

    private static boolean isAutoscaleUp(ProvisionWorkers command) {
        return command.getCommandId().startsWith("autoscale-" + BenchmarkSettings.POOL + "-up-");
    }
}
