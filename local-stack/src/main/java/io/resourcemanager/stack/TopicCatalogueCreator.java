package io.resourcemanager.stack;

import io.resourcemanager.kafka.TopicCreator;
import io.resourcemanager.topics.Topics;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Creates every topic of the catalogue ({@link Topics#all()}, dead-letter topics included) that does
 * not exist yet, with one replica: the broker runs with automatic topic creation off, and the
 * services' Streams apps need their topics before they start.
 */
public final class TopicCatalogueCreator {

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
}
