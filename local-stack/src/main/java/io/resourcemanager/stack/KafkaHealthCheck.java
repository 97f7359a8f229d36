package io.resourcemanager.stack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The broker is healthy when an admin client can describe the cluster and sees a broker in it. */
public final class KafkaHealthCheck implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final String bootstrapServers;

    /** @param bootstrapServers the broker's address, {@code host:port} */
    public KafkaHealthCheck(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public boolean isHealthy() {
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            return !admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, Object> adminConfig(String bootstrapServers) {
        int timeoutMillis = (int) TIMEOUT.toMillis();
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis);
    }
}
