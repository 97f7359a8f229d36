package io.resourcemanager.topics;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Avro serdes in the Confluent wire format (magic byte 0, 4-byte schema id, Avro binary) backed by
 * Apicurio Registry. Subjects follow the topic name strategy: one value schema per topic, named
 * {@code <topic>-value}; several event types on one topic travel inside that topic's envelope union.
 */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    /** Configuration shared by serializers and deserializers. */
    public static Map<String, Object> serdeConfig(RegistrySettings registry) {
        Map<String, Object> config = new HashMap<>();
        config.put("apicurio.registry.url", registry.url());
        config.put("apicurio.registry.auto-register", registry.autoRegister());
        config.put("apicurio.registry.find-latest", !registry.autoRegister());
        config.put("apicurio.registry.use-specific-avro-reader", true);
        // register each schema whole, nested records inline: clients that do not resolve schema references
        // (older Confluent clients, most analytics tools) read every topic with the schema fetched by id
        config.put("apicurio.registry.dereference-schema", true);
        config.put("apicurio.registry.avro-datum-provider", CachingAvroDatumProvider.class.getName());
        return config;
    }

    /** A value serde for {@code type}; {@code byte[]} gets the plain byte-array serde. */
    @SuppressWarnings("unchecked")
    public static <V> Serde<V> forValues(Class<V> type, RegistrySettings registry) {
        if (type == byte[].class) {
            return (Serde<V>) Serdes.ByteArray();
        }
        AvroKafkaSerializer<V> serializer = new AvroKafkaSerializer<>();
        AvroKafkaDeserializer<V> deserializer = new AvroKafkaDeserializer<>();
        Map<String, Object> config = serdeConfig(registry);
        serializer.configure(config, false);
        deserializer.configure(config, false);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
