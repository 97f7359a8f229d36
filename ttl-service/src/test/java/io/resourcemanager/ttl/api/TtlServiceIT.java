package io.resourcemanager.ttl.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.ServiceEndpointsContract;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The TTL service learns the deadlines of temporary workers from provisioning events. */
@MicronautTest
class TtlServiceIT extends ServiceEndpointsContract {

    @Inject
    EventPublisher publisher;

    @Test
    void shouldListTheDeadlineOfATemporaryWorkerThatJoined() throws Exception {
        String worker = KafkaTestEnvironment.get().uniqueName("worker-burst");
        Instant deadline = Instant.now().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);

        publisher.publish(Topics.PROVISIONING_EVENTS, worker, Events.nodeJoined(worker, "burst", deadline)).get();

        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            Map<String, Object> listed = deadlines().stream()
                    .filter(entry -> worker.equals(entry.get("subject_id")))
                    .findFirst().orElseThrow();
            assertThat(listed).containsEntry("subject_type", "worker").containsEntry("deadline", deadline.toString());
            assertThat(((Number) listed.get("remaining_seconds")).longValue()).isBetween(3 * 3600L, 4 * 3600L);
        });
    }

    private List<Map<String, Object>> deadlines() {
        return http.toBlocking().retrieve(HttpRequest.GET("/ttl"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }
}
