package io.resourcemanager.topics;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/** Looks up the Avro schema of a catalogue topic's values. */
public final class SchemaCatalogue {

    private SchemaCatalogue() {
    }

    /** The value schema of {@code topic}, as generated from {@code src/main/avro}. */
    public static Schema valueSchema(Topic<?> topic) {
        if (topic.valueType() == byte[].class) {
            throw new IllegalArgumentException(topic.name() + " carries raw bytes, not Avro");
        }
        return SpecificData.get().getSchema(topic.valueType());
    }

    /** The registry subject of {@code topic}'s values (topic name strategy). */
    public static String valueSubject(Topic<?> topic) {
        return topic.name() + "-value";
    }
}
