package io.resourcemanager.simulator.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/** A {@link Scheduler} that runs nothing until the test advances time; runs due work in time order on the test thread. */
public final class ManualScheduler implements Scheduler {

    private final MutableClock clock;
    private final PriorityQueue<Job> jobs = new PriorityQueue<>(
            Comparator.comparing(Job::due).thenComparingLong(Job::sequence));
    private long sequence;

    public ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        jobs.add(new Job(clock.instant().plus(delay), sequence++, task, null, new boolean[1]));
    }

    @Override
    public Cancellable repeat(Duration period, Runnable task) {
        boolean[] cancelled = new boolean[1];
        jobs.add(new Job(clock.instant().plus(period), sequence++, task, period, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Moves the clock by {@code duration}, running every job that falls due on the way. */
    public void advance(Duration duration) {
        Instant target = clock.instant().plus(duration);
        while (!jobs.isEmpty() && !jobs.peek().due().isAfter(target)) {
            Job job = jobs.poll();
            clock.set(job.due());
            if (!job.cancelled()[0]) {
                job.task().run();
                if (job.period() != null) {
                    jobs.add(new Job(job.due().plus(job.period()), sequence++, job.task(), job.period(), job.cancelled()));
                }
            }
        }
        clock.set(target);
    }

    private record Job(Instant due, long sequence, Runnable task, Duration period, boolean[] cancelled) {
    }
}
