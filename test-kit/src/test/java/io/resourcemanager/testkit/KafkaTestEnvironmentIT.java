package io.resourcemanager.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaTestEnvironmentIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final KafkaTestEnvironment env = KafkaTestEnvironment.get();

    @Test
    void shouldDeliverAProducedRecordToAConsumer() throws Exception {
        String topic = env.uniqueName("round-trip");
        env.createTopics(topic);

        try (KafkaProducer<String, String> producer = producer(Map.of());
             RecordCollector<String, String> collector = collect(topic)) {
            producer.send(new ProducerRecord<>(topic, "node-1", "joined")).get();

            ConsumerRecord<String, String> received = collector.awaitRecords(1, TIMEOUT).get(0);
            assertThat(received.key()).isEqualTo("node-1");
            assertThat(received.value()).isEqualTo("joined");
        }
    }

    @Test
    void shouldShowOnlyCommittedTransactionsToReadCommittedConsumers() {
        String topic = env.uniqueName("transactions");
        env.createTopics(topic);

        try (KafkaProducer<String, String> producer =
                     producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, env.uniqueName("tx")));
             RecordCollector<String, String> collector = collect(topic)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "a-1", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "a-1", "committed"));
            producer.commitTransaction();

            collector.awaitRecord(record -> record.value().equals("committed"), TIMEOUT);
            assertThat(collector.values()).containsExactly("committed");
        }
    }

    @Test
    void shouldAcceptCreatingTopicsThatAlreadyExist() {
        String topic = env.uniqueName("idempotent");

        env.createTopics(topic);
        env.createTopics(topic);

        await().atMost(TIMEOUT).until(() -> env.admin().listTopics().names().get().contains(topic));
    }

    @Test
    void shouldHandOutDistinctNamesWithTheGivenPrefix() {
        String first = env.uniqueName("orders");
        String second = env.uniqueName("orders");

        assertThat(first).startsWith("orders-").matches("[A-Za-z0-9._-]+");
        assertThat(second).startsWith("orders-").isNotEqualTo(first);
    }

    @Test
    void shouldReturnTheSameEnvironmentOnEveryCall() {
        assertThat(KafkaTestEnvironment.get()).isSameAs(env);
        assertThat(env.registryBaseUrl()).startsWith("http://").doesNotEndWith("/");
    }

    private KafkaProducer<String, String> producer(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private RecordCollector<String, String> collect(String topic) {
        return RecordCollector.start(
                env.bootstrapServers(), List.of(topic), new StringDeserializer(), new StringDeserializer());
    }
}
