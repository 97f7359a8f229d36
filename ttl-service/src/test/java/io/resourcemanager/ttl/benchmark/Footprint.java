package io.resourcemanager.ttl.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.common.Node;

/**
 * What the run occupies at one moment: heap used after a full GC, the process's resident set
 * ({@code VmRSS} in {@code /proc/self/status}, peak {@code VmHWM}), the Streams state directory on
 * disk, the application's changelog partitions on the broker, and RocksDB's off-heap memory.
 *
 * @param heapBytes heap used after {@code System.gc()}
 * @param rssBytes resident set, or -1 where {@code /proc} is not available
 * @param peakRssBytes peak resident set so far, or -1
 * @param stateDirBytes bytes of every file under the state directory
 * @param changelogBytes bytes of the changelog partitions whose topic starts with the application id
 * @param rocksDb RocksDB's own gauges of the open stores
 */
record Footprint(long heapBytes, long rssBytes, long peakRssBytes, long stateDirBytes, long changelogBytes,
                 RocksDbGauges rocksDb) {

    private static final long MIB = 1024 * 1024;

    /** Measures now; {@code applicationId} selects the changelog topics. */
    static Footprint measure(Path stateDir, Admin admin, String applicationId) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Hold.pass(Duration.ofMillis(100));
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Map<String, Long> status = procStatus();
        return new Footprint(heap, status.getOrDefault("VmRSS", -1L), status.getOrDefault("VmHWM", -1L),
                directorySize(stateDir), changelogSize(admin, applicationId), RocksDbGauges.read());
    }

    static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
    }

    private static Map<String, Long> procStatus() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return Map.of();
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmRSS:") || line.startsWith("VmHWM:"))
                    .collect(Collectors.toMap(line -> line.substring(0, line.indexOf(':')),
                            line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024));
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static long directorySize(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // RocksDB removed it meanwhile (compaction)
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    private static long changelogSize(Admin admin, String applicationId) {
        try {
            var brokers = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream().map(Node::id).toList();
            return admin.describeLogDirs(brokers).allDescriptions().get(10, TimeUnit.SECONDS).values().stream()
                    .flatMap(dirs -> dirs.values().stream())
                    .map(LogDirDescription::replicaInfos)
                    .flatMap(replicas -> replicas.entrySet().stream())
                    .filter(replica -> replica.getKey().topic().startsWith(applicationId + "-")
                            && replica.getKey().topic().endsWith("-changelog"))
                    .mapToLong(replica -> replica.getValue().size())
                    .sum();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }
    }
}
