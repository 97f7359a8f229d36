package io.resourcemanager.kafka;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

/** Reports whether the Kafka cluster answers, with its id and broker count. */
@Singleton
public final class KafkaHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final Admin admin;
    private final KafkaProperties kafka;

    KafkaHealthIndicator(Admin admin, KafkaProperties kafka) {
        this.admin = admin;
        this.kafka = kafka;
    }

    @Override
    protected String getName() {
        return "kafka";
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        long timeoutMillis = kafka.healthTimeout().toMillis();
        try {
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeoutMillis));
            String clusterId = cluster.clusterId().get(timeoutMillis, TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes().get(timeoutMillis, TimeUnit.MILLISECONDS).size();
            healthStatus = brokers > 0 ? HealthStatus.UP : HealthStatus.DOWN;
            return Map.of("clusterId", clusterId, "brokers", brokers, "bootstrapServers", kafka.bootstrapServers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(e);
        } catch (Exception e) {
            return down(e);
        }
    }

    private Map<String, Object> down(Exception error) {
        healthStatus = HealthStatus.DOWN;
        return Map.of("bootstrapServers", kafka.bootstrapServers(), "error", String.valueOf(error));
    }
}
