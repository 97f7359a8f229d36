package io.resourcemanager.stack;

import io.resourcemanager.kafka.TopicCreator;
import io.resourcemanager.topics.Topics;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Creates every topic of the catalogue ({@link Topics#all()}, dead-letter topics included) that does
 * not exist yet, with one replica, since the broker runs with automatic topic creation off.
 *
 * <p>Its {@link #main(String[])} does the same against the broker named by the environment variable
 * {@value #BOOTSTRAP_SERVERS_ENV}, as a one-shot step of {@code docker-compose.yml}.
 */
public final class TopicCatalogueCreator {

    /** Environment variable holding the broker address for {@link #main(String[])}. */
    public static final String BOOTSTRAP_SERVERS_ENV = "KAFKA_BOOTSTRAP_SERVERS";

    private static final short SINGLE_REPLICA = 1;

    private TopicCatalogueCreator() {
    }

    /**
     * Creates the missing catalogue topics; topics that exist are left as they are.
     *
     * @param bootstrapServers the broker's address
     */
    public static void createAll(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicCreator.ensure(admin, Topics.all(), SINGLE_REPLICA);
        }
    }

    /**
     * Creates the catalogue topics on the broker named by {@value #BOOTSTRAP_SERVERS_ENV}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        String bootstrapServers = System.getenv(BOOTSTRAP_SERVERS_ENV);
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalStateException("Set " + BOOTSTRAP_SERVERS_ENV + " to the broker address, e.g. kafka:29092");
        }
        createAll(bootstrapServers);
    }
}
