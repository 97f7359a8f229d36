package io.resourcemanager.provisioner.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sizes and bounds of one benchmark run, read from {@code bench.*} system properties.
 *
 * @param rounds workers requested at once in each round, in order ({@code bench.rounds})
 * @param minSamples workers a round measures at least: a smaller request is repeated
 *     ({@code bench.minSamples})
 * @param cloneDelay a fixed clone duration, or empty for the simulator's own (30–60 s times the time
 *     scale, drawn for each clone) ({@code bench.cloneMillis})
 * @param bootDelay fixed boot duration the simulator injects ({@code bench.bootMillis})
 * @param timeScale the simulator's factor on its realistic latencies ({@code bench.timeScale}): clone,
 *     configure and start durations, node status and metrics intervals
 * @param taskPollInterval the provisioner's {@code rm.proxmox.task-poll-interval}, or empty for the
 *     service's own default ({@code bench.taskPollInterval}, for example {@code 100ms})
 * @param decisions scale-up decisions measured ({@code bench.decisions}; 0 skips that phase)
 * @param demandFor how long queued demand must hold before the autoscaler grows a pool
 *     ({@code bench.demandForSeconds}, the service's {@code demand-for})
 * @param timeout longest wait for one round, one scale-down or one decision ({@code bench.timeoutSeconds})
 */
record BenchmarkSettings(List<Integer> rounds, int minSamples, Optional<Duration> cloneDelay, Duration bootDelay,
                         double timeScale, Optional<String> taskPollInterval, int decisions, Duration demandFor,
                         Duration timeout) {

    /** The pool every round scales. */
    static final String POOL = "burst";
    /** The pool's maximum when no round needs more (the service's default for {@value #POOL}). */
    static final int DEFAULT_POOL_MAX = 20;

    BenchmarkSettings {
        rounds = List.copyOf(rounds);
        if (rounds.isEmpty() || rounds.stream().anyMatch(count -> count <= 0) || minSamples <= 0) {
            throw new IllegalArgumentException(
                    "bench.rounds must list positive worker counts, and bench.minSamples must be positive");
        }
        if (cloneDelay.filter(Duration::isNegative).isPresent() || bootDelay.isNegative() || timeScale < 0
                || decisions < 0) {
            throw new IllegalArgumentException("bench.cloneMillis, bench.bootMillis, bench.timeScale and "
                    + "bench.decisions must not be negative");
        }
    }

    /** The settings given as system properties, with the defaults of a full run. */
    static BenchmarkSettings fromSystemProperties() {
        return new BenchmarkSettings(
                Arrays.stream(System.getProperty("bench.rounds", "1,20,100").split(","))
                        .map(String::trim).map(Integer::valueOf).toList(),
                Integer.getInteger("bench.minSamples", 5),
                Optional.ofNullable(Long.getLong("bench.cloneMillis")).map(Duration::ofMillis),
                Duration.ofMillis(Long.getLong("bench.bootMillis", 2_000)),
                Double.parseDouble(System.getProperty("bench.timeScale", "0.2")),
                Optional.ofNullable(System.getProperty("bench.taskPollInterval")).filter(value -> !value.isBlank()),
                Integer.getInteger("bench.decisions", 10),
                Duration.ofSeconds(Integer.getInteger("bench.demandForSeconds", 5)),
                Duration.ofSeconds(Integer.getInteger("bench.timeoutSeconds", 900)));
    }

    /** How many requests for {@code count} workers a round makes: enough for {@link #minSamples} workers. */
    int requestsPerRound(int count) {
        return Math.max(1, (minSamples + count - 1) / count);
    }

    /** The pool maximum the rounds need: the largest round, at least the service's default. */
    int poolMax() {
        return Math.max(DEFAULT_POOL_MAX, Math.max(rounds.stream().max(Integer::compare).orElse(0), decisions + 1));
    }

    /** One line describing the run. */
    String describe() {
        return "rounds of " + rounds + " workers at once (at least " + minSamples + " workers a round);"
                + " simulated latencies at time scale " + timeScale
                + cloneDelay.map(clone -> ", clone fixed at " + clone.toMillis() + " ms").orElse("")
                + ", boot fixed at " + bootDelay.toMillis() + " ms"
                + "; task poll interval " + taskPollInterval.orElse("of the service (default)") + "; " + decisions
                + " scale-up decisions with demand held " + demandFor.toSeconds() + " s";
    }
}
