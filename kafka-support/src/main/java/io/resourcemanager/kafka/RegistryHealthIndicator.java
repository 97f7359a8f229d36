package io.resourcemanager.kafka;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Reports whether the schema registry answers. */
@Singleton
public final class RegistryHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final RegistryProperties registry;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    RegistryHealthIndicator(RegistryProperties registry) {
        this.registry = registry;
    }

    @Override
    protected String getName() {
        return "schemaRegistry";
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        String infoUrl = registry.settings().url() + "/system/info";
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(infoUrl)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            healthStatus = response.statusCode() == 200 ? HealthStatus.UP : HealthStatus.DOWN;
            return Map.of("url", registry.url(), "status", response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            healthStatus = HealthStatus.DOWN;
            return Map.of("url", registry.url(), "error", e.toString());
        } catch (Exception e) {
            healthStatus = HealthStatus.DOWN;
            return Map.of("url", registry.url(), "error", e.toString());
        }
    }
}
