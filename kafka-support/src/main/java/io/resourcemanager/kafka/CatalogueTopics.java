package io.resourcemanager.kafka;

import io.resourcemanager.topics.Topics;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;

/**
 * Makes sure every catalogue topic exists before anything reads or writes them (when
 * {@code kafka.create-topics} is true). Beans that need the topics inject this one.
 */
@Singleton
public final class CatalogueTopics {

    CatalogueTopics(Admin admin, KafkaProperties kafka) {
        if (kafka.createTopics()) {
            TopicCreator.ensure(admin, Topics.all(), kafka.replicationFactor());
        }
    }
}
