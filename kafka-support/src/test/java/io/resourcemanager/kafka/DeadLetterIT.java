package io.resourcemanager.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.events.UsageEventEnvelope;
import io.resourcemanager.events.UsageKind;
import io.resourcemanager.events.UsageRecorded;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.testkit.RecordCollector;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Undecodable records go to the dead-letter topic with the error in headers, and the consumer keeps going. */
class DeadLetterIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static KafkaTestEnvironment env;
    private static RegistrySettings registry;

    @BeforeAll
    static void createTopics() {
        env = KafkaTestEnvironment.get();
        registry = RegistrySettings.atBaseAddress(env.registryBaseUrl());
        TopicCreator.ensure(env.admin(), Topics.all(), (short) 1);
    }

    @Test
    void shouldDeadLetterAnUndecodableRecordAndKeepStreaming() throws Exception {
        String output = env.uniqueName("usage-kinds");
        env.createTopics(output);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.COST_USAGE.name(), Consumed.with(Serdes.String(), Topics.COST_USAGE.valueSerde(registry)))
                .mapValues(envelope -> ((UsageRecorded) envelope.getPayload()).getKind().name())
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        KafkaProperties kafka = new KafkaProperties(env.bootstrapServers(),
                Files.createTempDirectory("streams").toString(), Duration.ofSeconds(3), (short) 1, false, Duration.ofSeconds(10));
        String poisonKey = env.uniqueName("poison");
        String goodKey = env.uniqueName("good");

        try (StreamsApp app = StreamsApp.start(env.uniqueName("dead-letter-test"), builder.build(), kafka);
             EventPublisher publisher = EventPublisher.connect(env.bootstrapServers(), registry, "tests");
             RecordCollector<byte[], byte[]> deadLetters = RecordCollector.start(env.bootstrapServers(),
                     List.of(Topics.COST_USAGE.deadLetter().name()), new ByteArrayDeserializer(), new ByteArrayDeserializer());
             RecordCollector<String, String> kinds = RecordCollector.start(env.bootstrapServers(), List.of(output),
                     new StringDeserializer(), new StringDeserializer())) {
            sendRaw(Topics.COST_USAGE.name(), poisonKey, "not avro at all".getBytes(StandardCharsets.UTF_8));
            publisher.publish(Topics.COST_USAGE, goodKey, usage(UsageKind.GPU_HOURS)).get();

            ConsumerRecord<byte[], byte[]> dead = deadLetters.awaitRecord(r -> hasKey(r, poisonKey), WAIT);
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not avro at all");
            assertThat(header(dead, DeadLetterPublisher.SOURCE_TOPIC)).isEqualTo(Topics.COST_USAGE.name());
            assertThat(header(dead, DeadLetterPublisher.ERROR)).isNotBlank();
            assertThat(header(dead, DeadLetterPublisher.SOURCE_OFFSET)).matches("\\d+");
            assertThat(kinds.awaitRecord(r -> goodKey.equals(r.key()), WAIT).value()).isEqualTo("GPU_HOURS");
        }
    }

    @Test
    void shouldSnapshotACompactedTopicSkippingUndecodableRecords() throws Exception {
        String node = env.uniqueName("worker");
        String poisonKey = env.uniqueName("poison-node");
        try (EventPublisher publisher = EventPublisher.connect(env.bootstrapServers(), registry, "tests");
             RecordCollector<byte[], byte[]> deadLetters = RecordCollector.start(env.bootstrapServers(),
                     List.of(Topics.NODES.deadLetter().name()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            publisher.publish(Topics.NODES, node, Events.nodeState(node).setPool("burst").build()).get();
            sendRaw(Topics.NODES.name(), poisonKey, new byte[] {0, 0, 0, 0, 42, 1});
            publisher.publish(Topics.NODES, node, Events.nodeState(node).setPool("spot").build()).get();

            Map<String, io.resourcemanager.events.NodeState> snapshot =
                    TopicSnapshot.read(Topics.NODES, env.bootstrapServers(), registry, WAIT);

            assertThat(snapshot.get(node).getPool()).isEqualTo("spot");
            assertThat(snapshot).doesNotContainKey(poisonKey);
            deadLetters.awaitRecord(r -> hasKey(r, poisonKey), WAIT);
        }
    }

    private static boolean hasKey(ConsumerRecord<byte[], byte[]> record, String key) {
        return record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static void sendRaw(String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static UsageEventEnvelope usage(UsageKind kind) {
        return UsageEventEnvelope.newBuilder()
                .setHeader(Events.header())
                .setPayload(UsageRecorded.newBuilder()
                        .setKind(kind)
                        .setQuantity(1.0)
                        .setPeriodStart(Events.T0)
                        .setPeriodEnd(Events.T0.plusSeconds(3600))
                        .build())
                .build();
    }
}
