package io.resourcemanager.ttl.benchmark;

import io.resourcemanager.testkit.benchmark.DiskUsage;
import io.resourcemanager.testkit.benchmark.ProcessMemory;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.common.Node;

/**
 * What the run occupies at one moment: heap used after a full GC, the process's resident set
 * ({@code VmRSS} in {@code /proc/self/status}, peak {@code VmHWM}), the Streams state directory on
 * disk, the application's changelog partitions on the broker, and RocksDB's off-heap memory.
 *
 * @param memory heap used after full GCs, resident set and its peak
 * @param stateDirBytes bytes of every file under the state directory
 * @param changelogBytes bytes of the changelog partitions whose topic starts with the application id
 * @param rocksDb RocksDB's own gauges of the open stores
 */
record Footprint(ProcessMemory memory, long stateDirBytes, long changelogBytes,
                 RocksDbGauges rocksDb) {

    /** Measures now; {@code applicationId} selects the changelog topics. */
    static Footprint measure(Path stateDir, Admin admin, String applicationId) throws InterruptedException {
        return new Footprint(ProcessMemory.measure(), DiskUsage.of(stateDir), changelogSize(admin, applicationId),
                RocksDbGauges.read());
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
