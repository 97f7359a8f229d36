package io.resourcemanager.cost.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records the way any Confluent-compatible client does, without the project's serde:
 * registers the schema through the registry's Confluent-compatible API ({@code /apis/ccompat/v7})
 * and frames generic Avro as magic byte 0 + 4-byte schema id + Avro binary.
 */
final class ConfluentWireProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final HttpClient registry;

    ConfluentWireProducer(String bootstrapServers, String registryBaseUrl) throws IOException {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
        this.registry = HttpClient.create(new URL(registryBaseUrl));
    }

    /** Registers {@code schema} under {@code subject} and returns its id. */
    @SuppressWarnings("unchecked")
    int register(String subject, Schema schema) {
        Map<String, Object> response = registry.toBlocking().retrieve(
                HttpRequest.POST("/apis/ccompat/v7/subjects/" + subject + "/versions", Map.of("schema", schema.toString()))
                        .contentType(MediaType.APPLICATION_JSON_TYPE),
                Map.class);
        return ((Number) response.get("id")).intValue();
    }

    /** Sends {@code value} framed with {@code schemaId}. */
    void send(String topic, String key, int schemaId, GenericRecord value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, frame(schemaId, value))).get();
    }

    private static byte[] frame(int schemaId, GenericRecord value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(value.getSchema()).write(value, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @Override
    public void close() {
        producer.close();
        registry.close();
    }
}
