package io.resourcemanager.kafka.testing;

import io.resourcemanager.kafka.StreamsTopology;
import io.resourcemanager.topics.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * A topology in a TopologyTestDriver (registry-free serdes, state in a fresh temporary directory) whose wall
 * clock and the clock the topology was built with move together: what every topology test of a service with
 * wall-clock punctuations needs.
 */
public final class ClockedDriver implements AutoCloseable {

    private final String applicationId;
    private final MutableClock clock;
    private final PlainAvroSerdes serdes = new PlainAvroSerdes();
    private final TopologyTestDriver driver;

    /** Builds the topology {@code topology} makes with the driver's clock, starting at {@code start}. */
    public ClockedDriver(String applicationId, Instant start, Function<Clock, StreamsTopology> topology) {
        this.applicationId = applicationId;
        this.clock = new MutableClock(start);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        try {
            config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(applicationId).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.driver = new TopologyTestDriver(topology.apply(clock).build(new StreamsBuilder(), serdes), config, start);
    }

    public MutableClock clock() {
        return clock;
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    public PlainAvroSerdes serdes() {
        return serdes;
    }

    /** Moves both clocks; punctuations due on the way fire. */
    public void advance(Duration duration) {
        clock.advance(duration);
        driver.advanceWallClockTime(duration);
    }

    /** Moves both clocks to {@code instant}. */
    public void advanceTo(Instant instant) {
        advance(Duration.between(clock.instant(), instant));
    }

    /** Sends {@code value} to {@code topic}, timestamped now. */
    public <V> void pipe(Topic<V> topic, String key, V value) {
        driver.createInputTopic(topic.name(), topic.keySerde().serializer(), serdes.forTopic(topic).serializer())
                .pipeInput(key, value, clock.instant());
    }

    /** The latest value per key the changelog of {@code store} holds (deleted keys left out): what a restart restores. */
    public <V> Map<String, V> changelog(String store, Deserializer<V> values) {
        return Changelogs.latest(driver, applicationId, store, values);
    }

    /** Fills {@code store} as a restore from its changelog would. */
    public <V> void restore(String store, Map<String, V> contents) {
        Changelogs.restore(driver, store, contents);
    }

    @Override
    public void close() {
        driver.close();
    }
}
