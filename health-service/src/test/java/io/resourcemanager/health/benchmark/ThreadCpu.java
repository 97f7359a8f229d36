package io.resourcemanager.health.benchmark;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CPU time of the JVM's threads at one moment, by thread id, with the process's total. The difference of
 * two snapshots, grouped by thread name (digits folded) and by the part of the run a thread belongs to,
 * tells the service's CPU from the broker's, the API server's and the benchmark's. Threads that ended
 * between the snapshots are not counted; GC and JIT threads are not Java threads and only appear in the
 * process total. The service's fabric8 client runs the informers' handlers on threads named
 * {@code <hash>-pool-<n>-thread-<m>}; its HTTP client's Vert.x threads cannot be told from the API
 * server's by name, so a Vert.x thread seen dispatching a request counts as the API server's, any other
 * as "other".
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long processNanos;
    private final long wallNanos;
    private final long gcMillis;
    private final Map<Long, Long> cpuById;
    private final Map<Long, String> nameById;

    private ThreadCpu(long processNanos, long wallNanos, long gcMillis, Map<Long, Long> cpuById,
                      Map<Long, String> nameById) {
        this.processNanos = processNanos;
        this.wallNanos = wallNanos;
        this.gcMillis = gcMillis;
        this.cpuById = cpuById;
        this.nameById = nameById;
    }

    static ThreadCpu now() {
        Map<Long, Long> cpu = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = THREADS.getThreadCpuTime(info.getThreadId());
            if (nanos >= 0) {
                cpu.put(info.getThreadId(), nanos);
                names.put(info.getThreadId(), info.getThreadName());
            }
        }
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(millis -> millis > 0).sum();
        return new ThreadCpu(processNanos(), System.nanoTime(), gc, cpu, names);
    }

    /** Process CPU seconds per wall second between {@code before} and this snapshot (1.0 = one core busy). */
    double processCores(ThreadCpu before) {
        return (processNanos - before.processNanos) / (double) (wallNanos - before.wallNanos);
    }

    /** Seconds the collectors report having collected since {@code before} (elapsed, all collectors). */
    double gcSeconds(ThreadCpu before) {
        return (gcMillis - before.gcMillis) / 1e3;
    }

    /** Wall seconds between {@code before} and this snapshot. */
    double wallSeconds(ThreadCpu before) {
        return (wallNanos - before.wallNanos) / 1e9;
    }

    /**
     * CPU seconds since {@code before} per group of threads, largest first; a group is the part of the run
     * and the thread name with digits folded to {@code #}.
     */
    Map<Group, Double> since(ThreadCpu before, Set<Long> apiServerThreads) {
        Map<Group, Double> seconds = new HashMap<>();
        cpuById.forEach((id, nanos) -> {
            long spent = nanos - before.cpuById.getOrDefault(id, 0L);
            String name = nameById.get(id);
            Group group = new Group(part(name, apiServerThreads.contains(id)), fold(name));
            seconds.merge(group, spent / 1e9, Double::sum);
        });
        return seconds.entrySet().stream().sorted(Map.Entry.<Group, Double>comparingByValue(Comparator.reverseOrder()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** Sums {@code groups} by part. */
    static Map<String, Double> byPart(Map<Group, Double> groups) {
        Map<String, Double> parts = new LinkedHashMap<>();
        groups.forEach((group, seconds) -> parts.merge(group.part(), seconds, Double::sum));
        return parts;
    }

    /** Process CPU seconds between {@code before} and this snapshot. */
    double processSeconds(ThreadCpu before) {
        return (processNanos - before.processNanos) / 1e9;
    }

    /** The name with Streams application ids, UUIDs and numbers folded, so that alike threads group. */
    private static String fold(String name) {
        return name.replaceAll("rm-bench-[0-9a-f]{8}-[0-9]+", "<app>")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
                .replaceAll("[0-9]+", "#");
    }

    private static String part(String name, boolean servedApi) {
        if (servedApi) {
            return "API server";
        }
        if (name.startsWith("bench-") || name.startsWith("HttpClient-")
                || name.startsWith("kafka-coordinator-heartbeat-thread | bench")) {
            return "benchmark";
        }
        if (name.startsWith("kafka-producer-network-thread | health-service") || name.contains("StreamThread")
                || name.matches("-?[0-9]+-pool-[0-9]+-thread-[0-9]+")) {
            return "service";
        }
        for (String broker : List.of("data-plane-kafka", "kafka-request-handler", "broker-", "raft", "quorum",
                "kafka-log", "kafka-scheduler", "ExpirationReaper", "LogDirFailure", "group-coordinator",
                "controller-", "kafka-network", "ReplicaFetcher", "share-", "transaction", "metadata-loader",
                "event-process", "TxnMarkerSender", "AddPartitionsToTxnSender", "executor-", "kafka-")) {
            if (name.startsWith(broker)) {
                return "broker";
            }
        }
        return "other";
    }

    private static long processNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /**
     * Threads counted together.
     *
     * @param part which part of the run they belong to: service, broker, API server, benchmark or other
     * @param name their name with digits folded
     */
    record Group(String part, String name) {
    }
}
