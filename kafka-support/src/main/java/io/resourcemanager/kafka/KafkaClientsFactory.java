package io.resourcemanager.kafka;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Kafka clients shared by the beans of one service. */
@Factory
class KafkaClientsFactory {

    @Singleton
    @Bean(preDestroy = "close")
    Admin admin(KafkaProperties kafka, @Value("${micronaut.application.name}") String applicationName) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, applicationName + "-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    @Singleton
    @Bean(preDestroy = "close")
    EventPublisher eventPublisher(KafkaProperties kafka, RegistryProperties registry,
                                  @Value("${micronaut.application.name}") String applicationName) {
        return EventPublisher.connect(kafka.bootstrapServers(), registry.settings(), applicationName);
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
