package io.resourcemanager.ttl.benchmark;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.cumulative.CumulativeDistributionSummary;
import io.micrometer.core.instrument.cumulative.CumulativeTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramGauges;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link SimpleMeterRegistry} that also keeps every sample of the topology's tick meters: each
 * {@code rm.ttl.tick} duration with the wall time it was recorded, and the {@code rm.ttl.tick.due}
 * count the same tick records right after it on the same thread when it fired something. The meters
 * themselves stay as registered, so their own count, total, max and percentiles can be read too.
 */
final class TickRecorder extends SimpleMeterRegistry {

    static final String TICK = "rm.ttl.tick";
    static final String TICK_DUE = "rm.ttl.tick.due";

    private final ConcurrentLinkedQueue<Tick> ticks = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Tick> lastOnThread = new ThreadLocal<>();

    @Override
    protected Timer newTimer(Meter.Id id, DistributionStatisticConfig config, PauseDetector pauseDetector) {
        if (!TICK.equals(id.getName())) {
            return super.newTimer(id, config, pauseDetector);
        }
        Timer timer = new CumulativeTimer(id, clock, config, pauseDetector, getBaseTimeUnit(), false) {
            @Override
            protected void recordNonNegative(long amount, TimeUnit unit) {
                super.recordNonNegative(amount, unit);
                Tick tick = new Tick(System.currentTimeMillis(), unit.toNanos(amount));
                lastOnThread.set(tick);
                ticks.add(tick);
            }
        };
        HistogramGauges.registerWithCommonFormat(timer, this);
        return timer;
    }

    @Override
    protected DistributionSummary newDistributionSummary(Meter.Id id, DistributionStatisticConfig config,
                                                         double scale) {
        if (!TICK_DUE.equals(id.getName())) {
            return super.newDistributionSummary(id, config, scale);
        }
        return new CumulativeDistributionSummary(id, clock, config, scale, false) {
            @Override
            protected void recordNonNegative(double amount) {
                super.recordNonNegative(amount);
                Tick tick = lastOnThread.get();
                if (tick != null) {
                    tick.due = (int) amount;
                }
            }
        };
    }

    /** The ticks recorded so far that match {@code filter}, in the order recorded. */
    List<Tick> ticks(Predicate<Tick> filter) {
        List<Tick> matching = new ArrayList<>();
        ticks.forEach(tick -> {
            if (filter.test(tick)) {
                matching.add(tick);
            }
        });
        return matching;
    }

    /** One punctuation of one stream task: when it was recorded, how long it took, how much it fired. */
    static final class Tick {

        final long recordedAtMillis;
        final long nanos;
        volatile int due;

        Tick(long recordedAtMillis, long nanos) {
            this.recordedAtMillis = recordedAtMillis;
            this.nanos = nanos;
        }
    }
}
