package io.resourcemanager.health.benchmark;

import io.resourcemanager.testkit.benchmark.Hold;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes to the fleet on a schedule, from {@code bench.writers} threads named {@code bench-writer}: every
 * node's heartbeat once per heartbeat interval (spread evenly over it), and, while flapping, one condition
 * change per flapping node every few seconds (each node its own fixed interval between the shortest and
 * the longest, its first change at a random point in it). Flapping nodes are every n-th node of the fleet.
 */
final class FlapLoad implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FlapLoad.class);
    /** Every fourth change of a node toggles DiskPressure; the others toggle Ready. */
    static final int DISK_EVERY = 4;

    private final NodeFleet fleet;
    private final ObservationSettings settings;
    private final ScheduledExecutorService writers;
    private final ConcurrentLinkedQueue<NodeFleet.Change> changes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final List<Integer> flapping = new ArrayList<>();

    FlapLoad(NodeFleet fleet, ObservationSettings settings) {
        this.fleet = fleet;
        this.settings = settings;
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "bench-writer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.writers = Executors.newScheduledThreadPool(settings.writers(), factory);
        int step = settings.nodes() / settings.flapping();
        for (int i = 0; i < settings.flapping(); i++) {
            flapping.add(i * step);
        }
    }

    /** Changes per second the schedule asks for while flapping. */
    double plannedRate() {
        long min = settings.flapMin().toMillis();
        long spread = settings.flapMax().toMillis() - min;
        double rate = 0;
        for (int i = 0; i < flapping.size(); i++) {
            rate += 1000.0 / (min + spread * i / Math.max(1, flapping.size() - 1));
        }
        return rate;
    }

    /** Indexes of the flapping nodes. */
    List<Integer> flapping() {
        return List.copyOf(flapping);
    }

    /** Creates every node in the API server from the writer threads; returns when all exist. */
    void createAll() throws InterruptedException, ExecutionException {
        List<Future<?>> created = new ArrayList<>();
        for (int i = 0; i < settings.nodes(); i++) {
            int index = i;
            created.add(writers.submit(() -> {
                fleet.create(index);
                return null;
            }));
        }
        for (Future<?> node : created) {
            node.get();
        }
    }

    /** Refreshes every node's heartbeat once per heartbeat interval from now on. */
    void startHeartbeats() {
        long periodMillis = settings.heartbeat().toMillis();
        for (int i = 0; i < settings.nodes(); i++) {
            int index = i;
            writers.scheduleAtFixedRate(() -> write(() -> {
                fleet.heartbeat(index);
                heartbeats.incrementAndGet();
            }), periodMillis * i / settings.nodes(), periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Flips the flapping nodes for the flapping period; returns when that period has passed. */
    void flap() {
        Random random = new Random(42);
        long min = settings.flapMin().toMillis();
        long spread = settings.flapMax().toMillis() - min;
        List<ScheduledFuture<?>> tasks = new ArrayList<>();
        for (int i = 0; i < flapping.size(); i++) {
            int index = flapping.get(i);
            long period = min + spread * i / Math.max(1, flapping.size() - 1);
            tasks.add(writers.scheduleAtFixedRate(() -> write(() -> changes.add(fleet.flip(index, DISK_EVERY))),
                    (long) (random.nextDouble() * period), period, TimeUnit.MILLISECONDS));
        }
        Hold.pass(settings.flapPeriod());
        tasks.forEach(task -> task.cancel(false));
        LOG.info("Flapping stopped: {} changes, {} heartbeats, {} failed writes", changes.size(), heartbeats.get(),
                failures.get());
    }

    /** Every change written, in no particular order. */
    List<NodeFleet.Change> changes() {
        return List.copyOf(changes);
    }

    int heartbeats() {
        return heartbeats.get();
    }

    int failures() {
        return failures.get();
    }

    Exception firstFailure() {
        return firstFailure.get();
    }

    private void write(Write write) {
        try {
            write.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failures.incrementAndGet();
            if (firstFailure.compareAndSet(null, e)) {
                LOG.warn("A write to the API server failed (only the first is logged)", e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        writers.shutdownNow();
        writers.awaitTermination(10, TimeUnit.SECONDS);
    }

    @FunctionalInterface
    private interface Write {
        void run() throws Exception;
    }
}
