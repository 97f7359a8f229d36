package io.resourcemanager.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the Kafka cluster is and how this service talks to it.
 *
 * @param bootstrapServers {@code host:port} list of brokers
 * @param stateDir directory of Kafka Streams state stores (default: {@code resource-manager-streams} in the
 *                 temporary directory)
 * @param healthTimeout how long the health check waits for the cluster to answer
 * @param replicationFactor replication of topics this service creates
 * @param createTopics whether the service creates the catalogue topics it needs on startup
 * @param sessionTimeout how long a crashed Streams instance keeps its tasks before others take over
 */
@ConfigurationProperties(KafkaProperties.PREFIX)
public record KafkaProperties(
        @NotBlank String bootstrapServers,
        @Nullable String stateDir,
        @Bindable(defaultValue = "3s") Duration healthTimeout,
        @Bindable(defaultValue = "1") short replicationFactor,
        @Bindable(defaultValue = "true") boolean createTopics,
        @Bindable(defaultValue = "10s") Duration sessionTimeout) {

    /** Configuration prefix. */
    public static final String PREFIX = "kafka";

    /** The state directory to use: the configured one, or one in the temporary directory. */
    public String stateDirectory() {
        return stateDir != null && !stateDir.isBlank() ? stateDir
                : Path.of(System.getProperty("java.io.tmpdir"), "resource-manager-streams").toString();
    }
}
