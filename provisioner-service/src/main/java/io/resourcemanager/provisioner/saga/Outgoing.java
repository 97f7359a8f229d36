package io.resourcemanager.provisioner.saga;

import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.topics.Topic;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;

/** One record to publish on a catalogue topic; a value of null is a tombstone. */
record Outgoing<V extends SpecificRecord>(Topic<V> topic, String key, V value) {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    CompletableFuture<?> sendWith(EventPublisher publisher) {
        return value == null ? publisher.publishTombstone(topic, key) : publisher.publish(topic, key, value);
    }

    /** Publishes {@code records} and waits until Kafka acknowledged every one. */
    static void publishAll(EventPublisher publisher, List<Outgoing<?>> records) {
        CompletableFuture<?>[] sends = records.stream().map(record -> record.sendWith(publisher))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge " + records.size() + " records", e);
        }
    }
}
