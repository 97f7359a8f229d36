package io.resourcemanager.kafka.testing;

import io.resourcemanager.kafka.EventSerdes;
import io.resourcemanager.topics.Topic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Plain Avro binary serdes without a registry, for TopologyTestDriver tests. The wire format with
 * schema ids is covered by the integration tests against a real registry.
 */
public final class PlainAvroSerdes implements EventSerdes {

    @Override
    @SuppressWarnings("unchecked")
    public <V> Serde<V> forTopic(Topic<V> topic) {
        if (topic.valueType() == byte[].class) {
            return (Serde<V>) Serdes.ByteArray();
        }
        return (Serde<V>) forStore((Class<? extends SpecificRecord>) topic.valueType());
    }

    @Override
    public <V extends SpecificRecord> Serde<V> forStore(Class<V> type) {
        SpecificDatumWriter<V> writer = new SpecificDatumWriter<>(type);
        SpecificDatumReader<V> reader = new SpecificDatumReader<>(SpecificData.get().getSchema(type));
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : encode(writer, value),
                (topic, bytes) -> bytes == null ? null : decode(reader, bytes));
    }

    private static <V> byte[] encode(SpecificDatumWriter<V> writer, V value) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            writer.write(value, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <V> V decode(SpecificDatumReader<V> reader, byte[] bytes) {
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
            return reader.read(null, decoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
