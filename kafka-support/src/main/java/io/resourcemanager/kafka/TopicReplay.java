package io.resourcemanager.kafka;

import io.resourcemanager.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads topics from their beginning on a background thread and then follows them, handing every record
 * to a {@link Handler} — tombstones included, as raw bytes — and saying once when it has reached the ends
 * the topics had at start: a view of compacted state topics kept in memory by each instance. The reader is
 * assigned every partition and belongs to no consumer group, so it commits nothing and leaves no group
 * behind. A record the handler cannot take is logged and skipped (the topic's owners dead-letter it).
 */
public final class TopicReplay implements AutoCloseable {

    /** What to do with the records. */
    public interface Handler {

        /** Takes one record; throwing skips it. */
        void apply(ConsumerRecord<byte[], byte[]> record);

        /** Called once, when the ends the topics had at start are reached. */
        void caughtUp();
    }

    private static final Logger LOG = LoggerFactory.getLogger(TopicReplay.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PAUSE = Duration.ofSeconds(1);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final List<Topic<?>> topics;
    private final Handler handler;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final Thread thread;
    private volatile boolean running = true;

    private TopicReplay(String bootstrapServers, String clientId, List<Topic<?>> topics, Handler handler) {
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
    }

    /** Starts replaying {@code topics} into {@code handler} on a thread named {@code clientId}. */
    public static TopicReplay start(String bootstrapServers, String clientId, List<Topic<?>> topics, Handler handler) {
        TopicReplay replay = new TopicReplay(bootstrapServers, clientId, topics, handler);
        replay.thread.start();
        return replay;
    }

    private void run() {
        try (reader) {
            List<TopicPartition> partitions = awaitPartitions();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions, METADATA_TIMEOUT);
            LOG.info("Reading {} from the beginning ({} partitions)", names(), partitions.size());
            boolean caughtUp = false;
            while (running) {
                poll();
                if (!caughtUp && ends.entrySet().stream().allMatch(end -> reader.position(end.getKey()) >= end.getValue())) {
                    caughtUp = true;
                    handler.caughtUp();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Reader of {} woken up while running; it stops following", names(), e);
            }
        } catch (RuntimeException e) {
            LOG.error("Reader of {} failed; it stops following", names(), e);
        }
    }

    private void poll() {
        try {
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
                try {
                    handler.apply(record);
                } catch (RuntimeException e) {
                    LOG.warn("Skipping {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
                }
            }
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Polling {} failed, trying again: {}", names(), e.getMessage());
            pause();
        }
    }

    private List<TopicPartition> awaitPartitions() {
        while (running) {
            List<TopicPartition> partitions = new ArrayList<>();
            boolean all = true;
            for (Topic<?> topic : topics) {
                List<TopicPartition> ofTopic = reader.partitionsFor(topic.name(), METADATA_TIMEOUT).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
                all &= !ofTopic.isEmpty();
                partitions.addAll(ofTopic);
            }
            if (all) {
                return partitions;
            }
            LOG.info("Waiting for {} to exist", names());
            pause();
        }
        throw new WakeupException();
    }

    private List<String> names() {
        return topics.stream().map(Topic::name).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops following and waits (bounded) for the reader to close. */
    @Override
    public void close() {
        running = false;
        reader.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
