package io.resourcemanager.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/** Reports whether the Kubernetes API server answers. */
@Singleton
public final class KubernetesHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final KubernetesClient client;

    KubernetesHealthIndicator(KubernetesClient client) {
        this.client = client;
    }

    @Override
    protected String getName() {
        return "kubernetes";
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        String server = String.valueOf(client.getMasterUrl());
        try {
            int nodes = client.nodes().list().getItems().size();
            healthStatus = HealthStatus.UP;
            return Map.of("server", server, "nodes", nodes);
        } catch (RuntimeException e) {
            healthStatus = HealthStatus.DOWN;
            return Map.of("server", server, "error", String.valueOf(e.getMessage()));
        }
    }
}
