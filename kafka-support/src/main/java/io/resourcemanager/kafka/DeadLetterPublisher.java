package io.resourcemanager.kafka;

import io.resourcemanager.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a record that could not be decoded, byte for byte, to the dead-letter twin of its topic
 * ({@code <topic>.dlq}), keeping its key and headers and adding the error as headers. The write is
 * synchronous so the record is safe before the consumer moves past it.
 */
public final class DeadLetterPublisher implements AutoCloseable {

    /** Header: the error message. */
    public static final String ERROR = "rm.dlq.error";
    /** Header: the exception class. */
    public static final String EXCEPTION = "rm.dlq.exception";
    /** Header: topic the record came from. */
    public static final String SOURCE_TOPIC = "rm.dlq.source.topic";
    /** Header: partition the record came from. */
    public static final String SOURCE_PARTITION = "rm.dlq.source.partition";
    /** Header: offset of the record in its source partition. */
    public static final String SOURCE_OFFSET = "rm.dlq.source.offset";
    /** Header: when the record was dead-lettered (ISO-8601). */
    public static final String FAILED_AT = "rm.dlq.failed-at";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<byte[], byte[]> producer;
    private final Clock clock;

    DeadLetterPublisher(Producer<byte[], byte[]> producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    /** A publisher with its own idempotent producer. */
    public static DeadLetterPublisher connect(String bootstrapServers, String clientId) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new DeadLetterPublisher(
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()), Clock.systemUTC());
    }

    /** Dead-letters a consumed record; throws if the dead-letter topic did not acknowledge it. */
    public void publish(ConsumerRecord<byte[], byte[]> record, Exception error) {
        publish(record.topic(), record.partition(), record.offset(), record.key(), record.value(), record.headers(), error);
    }

    /** Dead-letters the raw bytes of a record read from {@code sourceTopic}. */
    public void publish(String sourceTopic, int partition, long offset, byte[] key, byte[] value,
                        Headers originalHeaders, Exception error) {
        Headers headers = new RecordHeaders(originalHeaders == null ? new RecordHeaders() : originalHeaders);
        add(headers, ERROR, String.valueOf(error.getMessage()));
        add(headers, EXCEPTION, error.getClass().getName());
        add(headers, SOURCE_TOPIC, sourceTopic);
        add(headers, SOURCE_PARTITION, Integer.toString(partition));
        add(headers, SOURCE_OFFSET, Long.toString(offset));
        add(headers, FAILED_AT, clock.instant().toString());
        String target = sourceTopic + Topic.DEAD_LETTER_SUFFIX;
        try {
            producer.send(new ProducerRecord<>(target, null, key, value, headers))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.warn("Dead-lettered record {}-{}@{} to {}: {}", sourceTopic, partition, offset, target, error.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering " + sourceTopic + "@" + offset, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not dead-letter " + sourceTopic + "@" + offset + " to " + target, e);
        }
    }

    private static void add(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
