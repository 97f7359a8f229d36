package io.resourcemanager.provisioner.benchmark;

import static io.resourcemanager.provisioner.benchmark.LatencySample.seconds;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The figures of one round (every request for the same number of workers) in the report. */
final class RoundFigures {

    private static final Logger LOG = LoggerFactory.getLogger(RoundFigures.class);
    private static final String TARGET = "p99 ≤ 1 s";
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private final BenchmarkReport report;

    RoundFigures(BenchmarkReport report) {
        this.report = report;
        report.breakdownColumns(List.of("workers at once", "clone step − clone", "configure step − configure",
                "start + boot steps − start − boot", "join + label steps", "saga done → NodeJoined seen"));
    }

    /**
     * Adds the figures of {@code requests} requests for {@code count} workers each.
     *
     * @return whether every worker has a complete timeline with its injected latencies found
     */
    boolean add(int count, int requests, List<WorkerTimeline> timelines) {
        String label = "round of " + count + " at once" + (requests > 1 ? " (" + requests + " requests)" : "") + ": ";
        int wanted = count * requests;
        report.add(label + "workers joined / requested", timelines.size() + " / " + wanted);
        Map<Instant, List<WorkerTimeline>> byRequest = timelines.stream()
                .collect(Collectors.groupingBy(WorkerTimeline::requested));
        Duration wall = byRequest.values().stream().map(RoundFigures::lastJoin).max(Duration::compareTo).orElse(null);
        report.add(label + "request → last NodeJoined seen" + (requests > 1 ? " (longest request)" : ""),
                seconds(wall));
        report.add(label + "injected per worker (clone + configure + start + boot), p50 / max",
                sample(timelines, timeline -> timeline.injected().total()).p50max());
        LatencySample admission = sample(timelines, WorkerTimeline::overheadFromAdmission);
        report.add(label + "**overhead from admission**, p50 / p99 / max", admission.p50p99max(), TARGET);
        report.add(label + "workers whose overhead from admission exceeds 1 s",
                admission.countAbove(ONE_SECOND) + " of " + admission.count());
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
        LOG.info("Round of {}: {} joined; overhead from admission p50 / p99 / max {}", count, timelines.size(),
                admission.p50p99max());
        long unmatched = timelines.stream().filter(timeline -> timeline.injected().cloning().isZero()
                || timeline.injected().configure().isZero() || timeline.injected().start().isZero()).count();
        boolean whole = timelines.size() == wanted && unmatched == 0;
        if (timelines.size() < wanted) {
            incomplete(label + (wanted - timelines.size()) + " workers without a complete timeline");
        }
        if (unmatched > 0) {
            incomplete(label + unmatched + " workers whose clone, configure or start task was not found");
        }
        return whole;
    }

    /** Notes a worker whose provisioning failed. */
    void failed(int count, String worker, String reason) {
        report.note("Round of " + count + ": provisioning of " + worker + " failed: " + reason);
        LOG.warn("Provisioning of {} failed: {}", worker, reason);
    }

    /** Notes that the run stopped short. */
    void incomplete(String problem) {
        report.note("Incomplete: " + problem);
        LOG.warn("Incomplete: {}", problem);
    }

    private static Duration lastJoin(List<WorkerTimeline> request) {
        return request.stream().map(timeline -> Duration.between(timeline.requested(), timeline.seen()))
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private static LatencySample sample(List<WorkerTimeline> timelines, Function<WorkerTimeline, Duration> measure) {
        LatencySample sample = new LatencySample();
        timelines.forEach(timeline -> sample.add(measure.apply(timeline)));
        return sample;
    }
}
