package io.resourcemanager.ttl.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.resourcemanager.events.ExpiryReason;
import io.resourcemanager.events.TtlEventEnvelope;
import io.resourcemanager.events.TtlExpired;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.SimulatedClusterContract;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.testkit.RecordCollector;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The TTL service on a real broker and the simulated cluster: deadlines learned from events, expiry on time, extensions over REST. */
@MicronautTest
class TtlServiceIT extends SimulatedClusterContract {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EventPublisher publisher;

    @Test
    void shouldListTheDeadlineOfATemporaryWorkerThatJoined() throws Exception {
        String worker = KafkaTestEnvironment.get().uniqueName("worker-burst");
        Instant deadline = Instant.now().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);

        publisher.publish(Topics.PROVISIONING_EVENTS, worker, Events.nodeJoined(worker, "burst", deadline)).get();

        Awaitility.await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            Map<String, Object> listed = get("/ttl?type=worker").stream()
                    .filter(entry -> worker.equals(entry.get("subject_id")))
                    .findFirst().orElseThrow();
            assertThat(listed).containsEntry("subject_type", "worker").containsEntry("deadline", deadline.toString());
            assertThat(((Number) listed.get("remaining_seconds")).longValue()).isBetween(3 * 3600L, 4 * 3600L);
        });
    }

    @Test
    void shouldExpireAnAllocationWithinTwoSecondsOfItsDeadline() throws Exception {
        String allocation = KafkaTestEnvironment.get().uniqueName("alloc");
        try (RecordCollector<String, TtlEventEnvelope> ttlEvents = collectTtlEvents()) {
            Instant activated = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            publisher.publish(Topics.ALLOCATION_EVENTS, allocation, Events.allocationGranted(allocation, activated, 5)).get();

            ConsumerRecord<String, TtlEventEnvelope> record = ttlEvents.awaitRecord(r -> allocation.equals(r.key())
                    && r.value().getPayload() instanceof TtlExpired, WAIT);
            Instant received = Instant.now();

            Instant deadline = activated.plusSeconds(5);
            TtlExpired expired = (TtlExpired) record.value().getPayload();
            assertThat(expired.getDeadline()).isEqualTo(deadline);
            assertThat(Duration.between(deadline, record.value().getHeader().getOccurredAt()))
                    .isGreaterThanOrEqualTo(Duration.ZERO).isLessThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(Duration.between(deadline, received)).isLessThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void shouldExpireAnIdleTemporaryWorkerEarlyWithoutGrace() throws Exception {
        String worker = "worker-permanent-003";
        Instant deadline = Instant.now().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        try (RecordCollector<String, TtlEventEnvelope> ttlEvents = collectTtlEvents();
             KubernetesClient cluster = new KubernetesClientBuilder()
                     .withConfig(new ConfigBuilder().withMasterUrl(simulator.kubernetesUrl()).build()).build()) {
            Awaitility.await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> cluster.nodes().withName(worker)
                    .edit(node -> {
                        node.getMetadata().getLabels().put("ttl", Long.toString(deadline.getEpochSecond()));
                        return node;
                    }));
            publisher.publish(Topics.PROVISIONING_EVENTS, worker, Events.nodeJoined(worker, "burst", deadline)).get();

            ConsumerRecord<String, TtlEventEnvelope> record = ttlEvents.awaitRecord(r -> worker.equals(r.key())
                    && r.value().getPayload() instanceof TtlExpired, WAIT);

            TtlExpired expired = (TtlExpired) record.value().getPayload();
            assertThat(expired.getReason()).isEqualTo(ExpiryReason.IDLE);
            assertThat(expired.getGraceSeconds()).isZero();
            assertThat(getOne("/ttl/" + worker)).containsEntry("state", "expired");
        }
    }

    @Test
    void shouldExtendOverRestUpToThreeTimes() throws Exception {
        String allocation = grantedAndTracked(3600);

        Map<String, Object> first = post("/ttl/" + allocation + "/extend", Map.of()).body();
        assertThat(first).containsEntry("status", "extended").containsEntry("extensions_used", 1);
        assertThat(Instant.parse((String) first.get("deadline")))
                .isEqualTo(Instant.parse((String) first.get("previous_deadline")).plus(Duration.ofHours(2)));
        assertThat(post("/ttl/" + allocation + "/extend", Map.of("hours", 1)).status()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(post("/ttl/" + allocation + "/extend", Map.of("hours", 0.5)).body())
                .containsEntry("extensions_used", 3);

        Answer fourth = post("/ttl/" + allocation + "/extend", Map.of("hours", 1));
        assertThat(fourth.status()).isEqualTo(HttpStatus.CONFLICT.getCode());
        assertThat((String) fourth.body().get("error")).contains("At most 3 extensions");
        assertThat(getOne("/ttl/" + allocation)).containsEntry("extensions_used", 3);
    }

    @Test
    void shouldAnswerBadExtensionsNamingTheFieldAndTheLimit() throws Exception {
        String allocation = grantedAndTracked(3600);

        Answer zero = post("/ttl/" + allocation + "/extend", Map.of("hours", 0));
        assertThat(zero.status()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(zero.body()).containsEntry("field", "hours");
        Answer tooLong = post("/ttl/" + allocation + "/extend", Map.of("hours", 20));
        assertThat(tooLong.status()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(tooLong.body()).containsEntry("field", "hours");
        assertThat((String) tooLong.body().get("error")).startsWith("hours must be at most 11.00");
        assertThat(post("/ttl/" + allocation + "/extend", Map.of("hours", "two")).status())
                .isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(post("/ttl/alloc-unknown-subject/extend", Map.of("hours", 1)).status())
                .isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(getOne("/ttl/" + allocation)).containsEntry("extensions_used", 0);
    }

    @Override
    protected Map<String, String> serviceProperties() {
        return Map.of("rm.ttl.idle-after", "2s", "rm.ttl.activity.sample-interval", "300ms");
    }

    private String grantedAndTracked(long ttlSeconds) throws Exception {
        String allocation = KafkaTestEnvironment.get().uniqueName("alloc");
        publisher.publish(Topics.ALLOCATION_EVENTS, allocation,
                Events.allocationGranted(allocation, Instant.now().truncatedTo(ChronoUnit.MILLIS), ttlSeconds)).get();
        Awaitility.await().atMost(WAIT).ignoreExceptions()
                .until(() -> allocation.equals(getOne("/ttl/" + allocation).get("subject_id")));
        return allocation;
    }

    private RecordCollector<String, TtlEventEnvelope> collectTtlEvents() {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        return RecordCollector.start(env.bootstrapServers(), List.of(Topics.TTL_EVENTS.name()),
                Topics.TTL_EVENTS.keySerde().deserializer(),
                Topics.TTL_EVENTS.valueSerde(RegistrySettings.atBaseAddress(env.registryBaseUrl())).deserializer());
    }


    private List<Map<String, Object>> get(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private Map<String, Object> getOne(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path), Argument.mapOf(String.class, Object.class));
    }

    private Answer post(String path, Map<String, Object> body) {
        try {
            HttpResponse<Map<String, Object>> response = http.toBlocking().exchange(HttpRequest.POST(path, body),
                    Argument.mapOf(String.class, Object.class));
            return new Answer(response.code(), response.body());
        } catch (HttpClientResponseException e) {
            return new Answer(e.getStatus().getCode(), e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow());
        }
    }

    private record Answer(int status, Map<String, Object> body) {
    }
}
