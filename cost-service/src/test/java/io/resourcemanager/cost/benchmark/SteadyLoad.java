package io.resourcemanager.cost.benchmark;

import io.resourcemanager.testkit.benchmark.Hold;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Usage at a steady rate, used now: every 10 ms a scheduler thread sends a hundredth of the rate, the jobs
 * in turn, and registers each event with the {@link RollupWatch} as a lag probe of its job's HOUR rollup
 * (with the job-hour's cumulative tokens) just before it is sent.
 */
final class SteadyLoad {

    private static final Duration TICK = Duration.ofMillis(10);

    private final UsageLoad load;
    private final RollupWatch watch;
    private final int jobs;
    private final Map<String, Long> cumulative = new HashMap<>();
    private int next;

    SteadyLoad(UsageLoad load, RollupWatch watch, int jobs) {
        this.load = load;
        this.watch = watch;
        this.jobs = jobs;
    }

    /** Sends {@code perSecond} events a second for {@code duration}; returns what was sent, all acknowledged. */
    Sent run(int perSecond, Duration duration) throws InterruptedException {
        int perTick = Math.max(1, perSecond / (int) (Duration.ofSeconds(1).toMillis() / TICK.toMillis()));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                runnable -> new Thread(runnable, "bench-steady-load"));
        Instant started = Instant.now();
        long before = load.sent();
        ScheduledFuture<?> ticks = scheduler.scheduleAtFixedRate(() -> tick(perTick), 0, TICK.toMillis(),
                TimeUnit.MILLISECONDS);
        Hold.pass(duration);
        ticks.cancel(false);
        scheduler.shutdown();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
        Instant ended = Instant.now();
        load.flush();
        return new Sent(load.sent() - before, started, ended);
    }

    private void tick(int count) {
        for (int i = 0; i < count; i++) {
            int job = next++ % jobs;
            String name = UsageLoad.jobName("job", job);
            Instant now = Instant.now();
            String key = UsageLoad.jobHour(name, now);
            load.send(name, job, null, now, tokens -> {
                long total = cumulative.merge(key, tokens, Long::sum);
                Instant sent = Instant.now();
                watch.probe(key, total, sent.getEpochSecond() * 1_000_000_000L + sent.getNano());
            });
        }
    }

    /**
     * Events sent at a steady rate.
     *
     * @param count events sent
     * @param started first tick
     * @param ended when the last tick was done
     */
    record Sent(long count, Instant started, Instant ended) {

        double perSecond() {
            return count / Math.max(1e-3, Duration.between(started, ended).toNanos() / 1e9);
        }
    }
}
