package io.resourcemanager.allocation.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.resourcemanager.events.NodeHealth;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.ServiceEndpointsContract;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The allocation service reads node state from Kafka and reports the capacity it adds up to. */
@MicronautTest
class AllocationServiceIT extends ServiceEndpointsContract {

    @Inject
    EventPublisher publisher;

    @Test
    @SuppressWarnings("unchecked")
    void shouldReportTheCapacityOfReadyNodesPublishedOnTheNodesTopic() throws Exception {
        String pool = KafkaTestEnvironment.get().uniqueName("pool");
        for (int i = 1; i <= 3; i++) {
            String node = pool + "-worker-" + i;
            publisher.publish(Topics.NODES, node, Events.nodeState(node).setPool(pool).build()).get();
        }
        String sick = pool + "-worker-sick";
        publisher.publish(Topics.NODES, sick,
                Events.nodeState(sick).setPool(pool).setHealth(NodeHealth.UNHEALTHY).build()).get();

        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            Map<String, Object> capacity = http.toBlocking()
                    .retrieve(HttpRequest.GET("/capacity"), Argument.mapOf(String.class, Object.class));
            Map<String, Object> poolCapacity = (Map<String, Object>) ((Map<String, Object>) capacity.get("pools")).get(pool);
            assertThat(poolCapacity).containsEntry("nodes", 3).containsEntry("memory", 46_080);
            assertThat(((Number) poolCapacity.get("cpu")).doubleValue()).isEqualTo(23.4);
        });
    }
}
