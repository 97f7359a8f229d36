package io.resourcemanager.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every service offers operators: {@code /health} that reports Kafka connectivity and
 * {@code /prometheus} metrics. Integration tests of each service extend this (annotated with
 * {@code @MicronautTest}) so every service is held to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceEndpointsContract implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    @Client("/")
    protected HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.forSharedKafka();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReportHealthyKafkaAndRegistryOnHealth() {
        Awaitility.await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            Map<String, Object> health = http.toBlocking()
                    .retrieve(HttpRequest.GET("/health"), Argument.mapOf(String.class, Object.class));
            Map<String, Object> details = (Map<String, Object>) health.get("details");
            assertThat(health.get("status")).isEqualTo("UP");
            assertThat(((Map<String, Object>) details.get("kafka")).get("status")).isEqualTo("UP");
            assertThat(((Map<String, Object>) details.get("schemaRegistry")).get("status")).isEqualTo("UP");
        });
    }

    @Test
    void shouldExposePrometheusMetrics() {
        String metrics = http.toBlocking().retrieve(HttpRequest.GET("/prometheus"));

        assertThat(metrics).contains("jvm_memory_used_bytes");
    }
}
