package io.resourcemanager.cost.benchmark;

import java.time.Duration;
import java.util.Locale;

/**
 * Sizes and bounds of one run, read from {@code bench.*} system properties. {@code bench.smoke=true}
 * switches the defaults to a run of about a minute; a property set explicitly still wins.
 *
 * @param events usage events pre-produced for the throughput phase ({@code bench.events})
 * @param jobs distinct jobs of the throughput and lag phases ({@code bench.jobs}); each job belongs to
 *     one division, project and agent, the model varies per event
 * @param lagRate usage events per second produced during the lag phase ({@code bench.lagRate})
 * @param lagDuration how long the lag phase produces ({@code bench.lagSeconds})
 * @param memoryJobs jobs of the memory phase, each reporting once in every hour ({@code bench.memoryJobs})
 * @param memoryDays days of hourly windows the memory phase fills, ending yesterday ({@code bench.memoryDays})
 * @param settle how long a verified total is watched afterwards, to catch double counts
 *     ({@code bench.settleSeconds})
 * @param timeout longest wait for one phase ({@code bench.timeoutSeconds})
 */
record AggregationSettings(int events, int jobs, int lagRate, Duration lagDuration, int memoryJobs, int memoryDays,
                           Duration settle, Duration timeout) {

    static final int DIVISIONS = 12;
    static final int PROJECTS = 200;
    static final int AGENTS = 50;

    AggregationSettings {
        if (events <= 0 || jobs <= 0 || lagRate <= 0 || memoryJobs <= 0 || memoryDays <= 0
                || lagDuration.isNegative() || lagDuration.isZero() || settle.isNegative()
                || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("bench.events, bench.jobs, bench.lagRate, bench.lagSeconds, "
                    + "bench.memoryJobs, bench.memoryDays and bench.timeoutSeconds must be positive, "
                    + "bench.settleSeconds not negative");
        }
    }

    /** The settings given as system properties, with the defaults of a full run (or of a smoke run). */
    static AggregationSettings fromSystemProperties() {
        boolean smoke = Boolean.getBoolean("bench.smoke");
        return new AggregationSettings(
                Integer.getInteger("bench.events", smoke ? 20_000 : 300_000),
                Integer.getInteger("bench.jobs", smoke ? 1_000 : 10_000),
                Integer.getInteger("bench.lagRate", smoke ? 500 : 1_000),
                Duration.ofSeconds(Integer.getInteger("bench.lagSeconds", smoke ? 10 : 60)),
                Integer.getInteger("bench.memoryJobs", smoke ? 100 : 500),
                Integer.getInteger("bench.memoryDays", smoke ? 2 : 30),
                Duration.ofSeconds(Integer.getInteger("bench.settleSeconds", 3)),
                Duration.ofSeconds(Integer.getInteger("bench.timeoutSeconds", 600)));
    }

    /** Usage events of the memory phase: one per job and hour. */
    long memoryEvents() {
        return (long) memoryJobs * memoryDays * 24;
    }

    /** One line describing the run. */
    String describe() {
        return String.format(Locale.ROOT, "%,d usage events over %,d jobs (%d divisions, %d projects, %d agents, "
                        + "3 models); lag at %,d events/s for %d s; memory: %,d jobs × %d days × 24 hours "
                        + "(%,d events)", events, jobs, DIVISIONS, PROJECTS, AGENTS, lagRate,
                lagDuration.toSeconds(), memoryJobs, memoryDays, memoryEvents());
    }
}
