package io.resourcemanager.testkit.benchmark;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** How far an application under benchmark has come: its committed input, and bounded waits for a condition. */
public final class AppProgress {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);

    private AppProgress() {
    }

    /**
     * Whether consumer group {@code groupId} has committed offsets up to the end of every one of the
     * {@code partitions} partitions of {@code topic}.
     */
    public static boolean caughtUp(Admin admin, String groupId, String topic, int partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .filter(partition -> partition.topic().equals(topic))
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        if (latest.size() < partitions) {
            return false;
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                && committed.get(end.getKey()).offset() >= end.getValue().offset());
    }

    /** Polls {@code condition} every {@code poll} until it holds (true) or {@code timeout} passes (false). */
    public static boolean until(Callable<Boolean> condition, Duration timeout, Duration poll) {
        try {
            Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(poll).ignoreExceptions()
                    .until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
