package io.resourcemanager.cost.benchmark;

import io.resourcemanager.testkit.benchmark.DiskUsage;
import io.resourcemanager.testkit.benchmark.ProcessMemory;
import io.resourcemanager.topics.Topics;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.common.Node;

/**
 * What the run occupies at one moment: heap used after a full GC, the process's resident set and its
 * peak, RocksDB's own gauges, the Streams state directory on disk, and on the broker the application's
 * changelog topics one by one and {@code rm.cost.rollups}.
 *
 * @param memory heap used after full GCs, resident set and its peak
 * @param rocksDb RocksDB's gauges of the open stores
 * @param stateDirBytes bytes of every file under the state directory
 * @param topicBytes bytes on the broker per changelog topic (store name) and for {@code rm.cost.rollups}
 */
record Footprint(ProcessMemory memory, RocksDbGauges rocksDb, long stateDirBytes, Map<String, Long> topicBytes) {

    /** Measures now; {@code applicationId} selects the changelog topics. */
    static Footprint measure(Path stateDir, Admin admin, String applicationId) {
        return new Footprint(ProcessMemory.measure(), RocksDbGauges.read(), DiskUsage.of(stateDir),
                topicSizes(admin, applicationId));
    }

    /** Bytes of all changelogs together. */
    long changelogBytes() {
        return topicBytes.entrySet().stream().filter(entry -> !entry.getKey().equals(Topics.COST_ROLLUPS.name()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static Map<String, Long> topicSizes(Admin admin, String applicationId) {
        Map<String, Long> sizes = new TreeMap<>();
        String prefix = applicationId + "-";
        try {
            var brokers = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream().map(Node::id).toList();
            admin.describeLogDirs(brokers).allDescriptions().get(10, TimeUnit.SECONDS).values().stream()
                    .flatMap(dirs -> dirs.values().stream())
                    .map(LogDirDescription::replicaInfos)
                    .flatMap(replicas -> replicas.entrySet().stream())
                    .forEach(replica -> {
                        String topic = replica.getKey().topic();
                        if (topic.startsWith(prefix) && topic.endsWith("-changelog")) {
                            sizes.merge(topic.substring(prefix.length(), topic.length() - "-changelog".length()),
                                    replica.getValue().size(), Long::sum);
                        } else if (topic.equals(Topics.COST_ROLLUPS.name())) {
                            sizes.merge(topic, replica.getValue().size(), Long::sum);
                        }
                    });
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        return sizes;
    }
}
