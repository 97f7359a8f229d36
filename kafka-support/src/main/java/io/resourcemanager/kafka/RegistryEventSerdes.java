package io.resourcemanager.kafka;

import io.resourcemanager.topics.AvroSerdes;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topic;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Avro serdes in the Confluent wire format, with schemas kept in the registry. */
@Singleton
public final class RegistryEventSerdes implements EventSerdes {

    private final RegistrySettings registry;

    @Inject
    RegistryEventSerdes(RegistryProperties registry) {
        this(registry.settings());
    }

    /** Serdes against the registry described by {@code registry}. */
    public RegistryEventSerdes(RegistrySettings registry) {
        this.registry = registry;
    }

    @Override
    public <V> Serde<V> forTopic(Topic<V> topic) {
        return topic.valueSerde(registry);
    }

    @Override
    public <V extends SpecificRecord> Serde<V> forStore(Class<V> type) {
        return AvroSerdes.forValues(type, registry);
    }
}
