package io.resourcemanager.simulator.time;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Samples the delay of a simulated step: a random point in the step's realistic range, multiplied by
 * the time scale, unless an override (fault injection) fixes it.
 */
public final class Delays {

    private final double timeScale;
    private final RandomGenerator random;
    private final Function<Latency, Optional<Duration>> overrides;

    /**
     * @param timeScale factor applied to realistic latencies; 1.0 is real time, 0 makes every step immediate
     * @param random source of jitter
     * @param overrides fixed delays that replace the scaled sample (already in real time, not scaled)
     */
    public Delays(double timeScale, RandomGenerator random, Function<Latency, Optional<Duration>> overrides) {
        if (!(timeScale >= 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a finite number >= 0, was " + timeScale);
        }
        this.timeScale = timeScale;
        this.random = random;
        this.overrides = overrides;
    }

    /** Delays without overrides. */
    public static Delays scaled(double timeScale, RandomGenerator random) {
        return new Delays(timeScale, random, latency -> Optional.empty());
    }

    /** The delay of one occurrence of {@code latency}. */
    public Duration of(Latency latency) {
        return overrides.apply(latency).orElseGet(() -> scale(sample(latency)));
    }

    /** Scales a realistic duration by the time scale. */
    public Duration scale(Duration realistic) {
        return Duration.ofNanos(Math.round(realistic.toNanos() * timeScale));
    }

    private Duration sample(Latency latency) {
        long min = latency.min().toMillis();
        long max = latency.max().toMillis();
        return Duration.ofMillis(min == max ? min : random.nextLong(min, max + 1));
    }
}
