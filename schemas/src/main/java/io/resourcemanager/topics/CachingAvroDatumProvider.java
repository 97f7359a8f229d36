package io.resourcemanager.topics;

import io.apicurio.registry.serde.avro.AvroDatumProvider;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Apicurio's datum provider with its readers and writers kept per schema instance. The default one
 * computes the schema's parsing fingerprint on every record it writes or reads to find its cached
 * reader or writer — a third of a Streams thread's time in the cost service's benchmark. Schemas are
 * the generated classes' constants or the serde's cached registry schemas, so the same few instances
 * come back; an identity lookup finds them without walking the schema.
 */
public final class CachingAvroDatumProvider<T> implements AvroDatumProvider<T> {

    private static final int MAX_ENTRIES = 1_000;

    private final DefaultAvroDatumProvider<T> delegate = new DefaultAvroDatumProvider<>();
    private final Map<SchemaInstance, DatumWriter<T>> writers = new ConcurrentHashMap<>();
    private final Map<SchemaInstance, DatumReader<T>> readers = new ConcurrentHashMap<>();

    @Override
    public void configure(AvroSerdeConfig config) {
        delegate.configure(config);
    }

    @Override
    public DatumWriter<T> createDatumWriter(T data, Schema schema) {
        SchemaInstance key = new SchemaInstance(schema, data instanceof SpecificRecord);
        DatumWriter<T> writer = writers.get(key);
        if (writer == null) {
            writer = delegate.createDatumWriter(data, schema);
            remember(writers, key, writer);
        }
        return writer;
    }

    @Override
    public DatumReader<T> createDatumReader(Schema schema) {
        SchemaInstance key = new SchemaInstance(schema, false);
        DatumReader<T> reader = readers.get(key);
        if (reader == null) {
            reader = delegate.createDatumReader(schema);
            remember(readers, key, reader);
        }
        return reader;
    }

    @Override
    public Schema toSchema(T data) {
        return delegate.toSchema(data);
    }

    private static <V> void remember(Map<SchemaInstance, V> cache, SchemaInstance key, V value) {
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, value);
    }

    /** A schema by identity (not by its structure, which is costly to hash), and the kind of data written. */
    private record SchemaInstance(Schema schema, boolean specific) {

        @Override
        public boolean equals(Object other) {
            return other instanceof SchemaInstance that && that.schema == schema && that.specific == specific;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(schema) + (specific ? 1 : 0);
        }
    }
}
