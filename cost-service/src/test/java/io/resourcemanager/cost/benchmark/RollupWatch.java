package io.resourcemanager.cost.benchmark;

import io.resourcemanager.events.CostRollup;
import io.resourcemanager.testkit.benchmark.TopicTail;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads {@code rm.cost.rollups} from the beginning as any consumer of the exactly-once cost service does
 * ({@code read_committed}, every partition assigned, no group) on its own thread. Values stay bytes unless
 * the key is one the run watches, so that the watch costs little beside the application:
 * <ul>
 *   <li>totals: the latest cost and tokens of chosen rollups (the {@code organisation=all} DAY ones);</li>
 *   <li>lag probes: per job-hour rollup, the events sent with their cumulative tokens; a rollup whose
 *       tokens reach an event's cumulative count shows that event (a job's events share one input partition
 *       and so reach its rollup in order), and the time from its send to the poll that returned it is its
 *       lag.</li>
 * </ul>
 */
final class RollupWatch implements AutoCloseable {

    private final Deserializer<CostRollup> values;
    private final Map<String, UsageLoad.Total> latest = new ConcurrentHashMap<>();
    private final Map<String, ArrayDeque<long[]>> probes = new ConcurrentHashMap<>();
    private final List<Long> lags = new ArrayList<>();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong tombstones = new AtomicLong();
    private final AtomicLong probesSent = new AtomicLong();
    private volatile Map<String, UsageLoad.Total> watched = Map.of();
    private TopicTail<byte[]> tail;

    private RollupWatch(RegistrySettings registry) {
        this.values = Topics.COST_ROLLUPS.valueSerde(registry).deserializer();
    }

    static RollupWatch start(String bootstrapServers, RegistrySettings registry) {
        RollupWatch watch = new RollupWatch(registry);
        watch.tail = TopicTail.start(bootstrapServers, Topics.COST_ROLLUPS.name(), new ByteArrayDeserializer(), true,
                watch::take);
        return watch;
    }

    /** Watches the rollups named by {@code expected} (keys) from now on, besides those watched already. */
    void watch(Map<String, UsageLoad.Total> expected) {
        Map<String, UsageLoad.Total> all = new ConcurrentHashMap<>(watched);
        all.putAll(expected);
        watched = all;
    }

    /** Whether every rollup of {@code expected} has been seen with at least its expected cost and tokens. */
    boolean reached(Map<String, UsageLoad.Total> expected) {
        return expected.entrySet().stream().allMatch(entry -> {
            UsageLoad.Total seen = latest.get(entry.getKey());
            return seen != null && seen.micros() >= entry.getValue().micros()
                    && seen.tokens() >= entry.getValue().tokens();
        });
    }

    /** The rollups of {@code expected} whose latest value differs from the expected one, with what was seen. */
    Map<String, UsageLoad.Total> mismatches(Map<String, UsageLoad.Total> expected) {
        Map<String, UsageLoad.Total> wrong = new ConcurrentHashMap<>();
        expected.forEach((key, total) -> {
            UsageLoad.Total seen = latest.getOrDefault(key, new UsageLoad.Total(0, 0));
            if (!seen.equals(total)) {
                wrong.put(key, seen);
            }
        });
        return wrong;
    }

    /**
     * Records that an event of the rollup {@code jobHourKey}, sent at {@code sentNanos} (epoch nanoseconds),
     * brings that rollup to {@code cumulativeTokens}.
     */
    void probe(String jobHourKey, long cumulativeTokens, long sentNanos) {
        ArrayDeque<long[]> queue = probes.computeIfAbsent(jobHourKey, key -> new ArrayDeque<>());
        synchronized (queue) {
            queue.add(new long[] {cumulativeTokens, sentNanos});
        }
        probesSent.incrementAndGet();
    }

    /** Lags seen so far, in nanoseconds, one per probed event. */
    List<Long> lags() {
        synchronized (lags) {
            return List.copyOf(lags);
        }
    }

    long probesSent() {
        return probesSent.get();
    }

    long probesSeen() {
        synchronized (lags) {
            return lags.size();
        }
    }

    /** Rollups (non-null values) read so far. */
    long records() {
        return records.get();
    }

    long tombstones() {
        return tombstones.get();
    }

    private void take(ConsumerRecord<String, byte[]> record, Instant received) {
        if (record.value() == null) {
            tombstones.incrementAndGet();
            return;
        }
        records.incrementAndGet();
        ArrayDeque<long[]> queue = probes.get(record.key());
        if (queue == null && !watched.containsKey(record.key())) {
            return;
        }
        CostRollup rollup = values.deserialize(record.topic(), record.headers(), record.value());
        if (watched.containsKey(record.key())) {
            latest.put(record.key(), new UsageLoad.Total(rollup.getCostMicroUsd(), rollup.getTokens()));
        }
        if (queue != null) {
            long receivedNanos = received.getEpochSecond() * 1_000_000_000L + received.getNano();
            List<Long> seen = new ArrayList<>();
            synchronized (queue) {
                while (!queue.isEmpty() && queue.peek()[0] <= rollup.getTokens()) {
                    seen.add(receivedNanos - queue.poll()[1]);
                }
            }
            synchronized (lags) {
                lags.addAll(seen);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        tail.close();
    }
}
