package io.resourcemanager.kafka.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** What a store's changelog holds in a TopologyTestDriver, and restoring it into another driver: a restart. */
public final class Changelogs {

    private Changelogs() {
    }

    /** The latest value per key the changelog of {@code store} holds (deleted keys left out). */
    public static <V> Map<String, V> latest(TopologyTestDriver driver, String applicationId, String store,
                                            Deserializer<V> values) {
        Map<String, V> latest = new LinkedHashMap<>();
        driver.createOutputTopic(applicationId + "-" + store + "-changelog", Serdes.String().deserializer(), values)
                .readRecordsToList()
                .forEach(record -> {
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), record.value());
                    }
                });
        return latest;
    }

    /** Fills {@code store} of {@code driver} as a restore from its changelog would. */
    public static <V> void restore(TopologyTestDriver driver, String store, Map<String, V> contents) {
        KeyValueStore<String, V> target = driver.getKeyValueStore(store);
        contents.forEach(target::put);
    }
}
