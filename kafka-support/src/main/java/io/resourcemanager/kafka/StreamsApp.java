package io.resourcemanager.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Kafka Streams application: exactly-once (v2), state under the configured directory,
 * undecodable records to the dead-letter topics. Read APIs query its stores through
 * {@link #store(String, QueryableStoreType)}.
 */
public final class StreamsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final String applicationId;
    private final KafkaStreams streams;

    private StreamsApp(String applicationId, KafkaStreams streams) {
        this.applicationId = applicationId;
        this.streams = streams;
    }

    /** Starts {@code topology} as application {@code applicationId}. */
    public static StreamsApp start(String applicationId, Topology topology, KafkaProperties kafka) {
        return start(applicationId, topology, config(applicationId, kafka));
    }

    /** Starts {@code topology} with a full Streams configuration (see {@link #config}). */
    public static StreamsApp start(String applicationId, Topology topology, Properties config) {
        KafkaStreams streams = new KafkaStreams(topology, config);
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("Streams application {} failed; replacing the stream thread", applicationId, error);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler
                    .StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        LOG.info("Started streams application {}", applicationId);
        return new StreamsApp(applicationId, streams);
    }

    /** The configuration every Streams application of the system uses. */
    public static Properties config(String applicationId, KafkaProperties kafka) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, Path.of(kafka.stateDirectory(), applicationId).toString());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                (int) kafka.sessionTimeout().toMillis());
        return config;
    }

    /** The application id (also the consumer group and the prefix of its internal topics). */
    public String applicationId() {
        return applicationId;
    }

    /** Current lifecycle state. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** A read-only view of a local state store; throws while the store is not queryable yet. */
    public <T> T store(String storeName, QueryableStoreType<T> type) {
        return streams.store(StoreQueryParameters.fromNameAndType(storeName, type));
    }

    /** Stops the application and leaves its consumer group, so its tasks move to other instances at once. */
    @Override
    public void close() {
        streams.close(new KafkaStreams.CloseOptions().timeout(CLOSE_TIMEOUT).leaveGroup(true));
        LOG.info("Closed streams application {}", applicationId);
    }
}
