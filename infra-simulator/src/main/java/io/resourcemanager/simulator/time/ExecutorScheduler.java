package io.resourcemanager.simulator.time;

import io.resourcemanager.simulator.support.DaemonThreadFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Scheduler} on a small pool of daemon threads; a failing task is logged, never lost silently. */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorScheduler.class);

    private final ScheduledExecutorService executor;

    /**
     * @param threadPrefix name prefix of the worker threads
     * @param threads number of worker threads
     */
    public ExecutorScheduler(String threadPrefix, int threads) {
        this.executor = Executors.newScheduledThreadPool(threads, new DaemonThreadFactory(threadPrefix));
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public Cancellable repeat(Duration period, Runnable task) {
        long nanos = period.toNanos();
        ScheduledFuture<?> future = executor.scheduleAtFixedRate(guarded(task), nanos, nanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("Scheduled simulator task failed", e);
            }
        };
    }
}
