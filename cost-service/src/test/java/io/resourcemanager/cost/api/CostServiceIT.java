package io.resourcemanager.cost.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.resourcemanager.events.BudgetEnforcement;
import io.resourcemanager.events.CostRollup;
import io.resourcemanager.events.NodeJoined;
import io.resourcemanager.events.ProvisioningEventEnvelope;
import io.resourcemanager.events.UsageEventEnvelope;
import io.resourcemanager.kafka.DeadLetterPublisher;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.ServiceEndpointsContract;
import io.resourcemanager.kafka.testing.ServiceTestProperties;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.testkit.RecordCollector;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.SchemaCatalogue;
import io.resourcemanager.topics.Topics;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The whole cost service on a real broker and registry: a burst node that ran for an hour shows in the
 * tables, on rm.cost.rollups and against its pool's budget (enforced); usage written by any
 * Confluent-compatible client is priced, and what cannot be priced is dead-lettered with the reason.
 */
@MicronautTest
class CostServiceIT extends ServiceEndpointsContract {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String POOL = "burst-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String POOL_BUDGET = "pool-" + POOL;

    @Inject
    EventPublisher publisher;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ServiceTestProperties.forSharedKafka());
        properties.put("rm.cost.accrual-interval", "1s");
        properties.put("rm.cost.flush-interval", "200ms");
        properties.put("rm.cost.rollover-check", "1s");
        properties.put("rm.cost.budgets." + POOL_BUDGET + ".dimension", "pool=" + POOL);
        properties.put("rm.cost.budgets." + POOL_BUDGET + ".usd", "0.20");
        properties.put("rm.cost.budgets." + POOL_BUDGET + ".period", "month");
        properties.put("rm.cost.budgets." + POOL_BUDGET + ".enforce", "true");
        return properties;
    }

    @Test
    void shouldShowTheHourABurstNodeRanInTheTablesOnTheTopicAndAgainstItsBudget() {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        RegistrySettings registry = RegistrySettings.atBaseAddress(env.registryBaseUrl());
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        try (RecordCollector<String, CostRollup> rollups = RecordCollector.start(env.bootstrapServers(),
                     List.of(Topics.COST_ROLLUPS.name()), new StringDeserializer(),
                     Topics.COST_ROLLUPS.valueSerde(registry).deserializer());
             RecordCollector<String, BudgetEnforcement> enforcements = RecordCollector.start(env.bootstrapServers(),
                     List.of(Topics.COST_ENFORCEMENTS.name()), new StringDeserializer(),
                     Topics.COST_ENFORCEMENTS.valueSerde(registry).deserializer())) {
            publisher.publish(Topics.PROVISIONING_EVENTS, POOL + "-1", ProvisioningEventEnvelope.newBuilder()
                    .setHeader(Events.header())
                    .setPayload(NodeJoined.newBuilder().setWorker(POOL + "-1").setPool(POOL).setTemplate("medium")
                            .setAllocatable(Events.medium()).setJoinedAt(anHourAgo).build())
                    .build());

            ConsumerRecord<String, CostRollup> day = rollups.awaitRecord(record -> record.key().startsWith("pool=" + POOL + "|DAY|")
                    && record.value().getCostMicroUsd() >= 240_000, WAIT);
            assertThat(day.value().getDimensionType()).isEqualTo("pool");
            assertThat(day.value().getIdleMicroUsd()).as("no allocation held it").isEqualTo(day.value().getCostMicroUsd());

            Awaitility.await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
                Map<String, Object> costs = get("/costs?group_by=pool&period=hour&from=" + anHourAgo.minus(Duration.ofHours(1)));
                double cost = rowsOf(costs, POOL).stream().mapToDouble(row -> ((Number) row.get("internal_usd")).doubleValue()).sum();
                assertThat(cost).isBetween(0.24, 0.25);
            });
            BudgetEnforcement enforced = enforcements.awaitRecord(record -> POOL_BUDGET.equals(record.key()), WAIT).value();
            assertThat(enforced.getPool()).isEqualTo(POOL);
            assertThat(enforced.getReason()).contains("scale-up of pool " + POOL + " is refused until");
            assertThat(registeredSchema(env, SchemaCatalogue.valueSubject(Topics.COST_ROLLUPS)))
                    .as("self-contained, so clients that resolve no schema references can read it")
                    .contains("\"name\":\"EventHeader\",").doesNotContain("\"type\":\"EventHeader\"");
            Map<String, Object> budget = get("/budgets/" + POOL_BUDGET);
            assertThat(budget).containsEntry("enforced", true).containsEntry("unit", "usd");
            assertThat(((Number) budget.get("remaining")).doubleValue()).isZero();
            assertThat((List<?>) budget.get("thresholds_crossed")).hasSize(4);
        }
    }

    @Test
    void shouldPriceUsageWrittenByAConfluentCompatibleClientAndDeadLetterWhatCannotBePriced() throws Exception {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        String division = env.uniqueName("division");
        Schema schema = schemaAsAnOutsideClientSeesIt();
        try (RecordCollector<String, byte[]> deadLetters = RecordCollector.start(env.bootstrapServers(),
                List.of(Topics.COST_USAGE.deadLetter().name()), new StringDeserializer(), new ByteArrayDeserializer())) {
            try (ConfluentWireProducer outside = new ConfluentWireProducer(env.bootstrapServers(), env.registryBaseUrl())) {
                int schemaId = outside.register(SchemaCatalogue.valueSubject(Topics.COST_USAGE), schema);
                outside.send(Topics.COST_USAGE.name(), division, schemaId, usage(schema, division, "claude-sonnet", 1_000_000));
                outside.send(Topics.COST_USAGE.name(), division, 999_999, usage(schema, division, "claude-sonnet", 5));
                outside.send(Topics.COST_USAGE.name(), division, schemaId, usage(schema, division, "no-such-model", 5));
                outside.send(Topics.COST_USAGE.name(), division, schemaId, usage(schema, division, "claude-sonnet", 1_000_000));
            }

            Awaitility.await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
                List<Map<String, Object>> rows = rowsOf(get("/costs?group_by=division&period=day"), division);
                assertThat(rows).singleElement().satisfies(row -> {
                    assertThat(((Number) row.get("internal_usd")).doubleValue()).isEqualTo(6.0);
                    assertThat(((Number) row.get("external_usd")).doubleValue()).isEqualTo(7.2);
                    assertThat(((Number) row.get("tokens")).longValue()).isEqualTo(2_000_000);
                });
            });
            List<String> errors = deadLetters.awaitRecords(2, WAIT).stream().filter(record -> division.equals(record.key()))
                    .map(record -> new String(record.headers().lastHeader(DeadLetterPublisher.ERROR).value(),
                            StandardCharsets.UTF_8)).toList();
            assertThat(errors).hasSize(2).anySatisfy(error -> assertThat(error).startsWith("undecodable"))
                    .anySatisfy(error -> assertThat(error).contains("model 'no-such-model' has no price"));
        }
    }

    @Test
    void shouldRefuseReversedOrTooLongPeriodsNamingTheParameter() {
        assertBadRequest("/costs?period=day&from=2026-12-07&to=2026-12-01", "from");
        assertBadRequest("/costs?period=hour&from=2026-01-01&to=2026-12-01", "to");
        assertBadRequest("/costs?group_by=team", "group_by");
        assertBadRequest("/costs/report?period=fortnight", "period");
    }

    private void assertBadRequest(String uri, String field) {
        try {
            http.toBlocking().retrieve(HttpRequest.GET(uri), Argument.mapOf(String.class, Object.class));
            throw new AssertionError(uri + " was answered");
        } catch (HttpClientResponseException refused) {
            assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
            Map<String, Object> body = refused.getResponse().getBody(Argument.mapOf(String.class, Object.class))
                    .orElseThrow();
            assertThat(body).containsEntry("field", field);
        }
    }

    /** The latest schema of {@code subject} as a Confluent client fetches it. */
    @SuppressWarnings("unchecked")
    private static String registeredSchema(KafkaTestEnvironment env, String subject) {
        try (HttpClient registry = HttpClient.create(new URL(env.registryBaseUrl()))) {
            Map<String, Object> latest = registry.toBlocking().retrieve(
                    HttpRequest.GET("/apis/ccompat/v7/subjects/" + subject + "/versions/latest"), Map.class);
            assertThat((List<Object>) latest.getOrDefault("references", List.of())).isEmpty();
            return (String) latest.get("schema");
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, Object> get(String uri) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rowsOf(Map<String, Object> costs, String value) {
        return ((List<Map<String, Object>>) costs.get("rows")).stream().filter(row -> value.equals(row.get("value"))).toList();
    }

    /** The envelope schema as a non-Java client would write it: without Java-specific properties. */
    private static Schema schemaAsAnOutsideClientSeesIt() {
        String json = UsageEventEnvelope.getClassSchema().toString().replace(",\"avro.java.string\":\"String\"", "");
        return new Schema.Parser().parse(json);
    }

    private static GenericRecord usage(Schema envelope, String division, String model, long inputTokens) {
        Schema headerSchema = envelope.getField("header").schema();
        GenericRecord header = new GenericData.Record(headerSchema);
        header.put("event_id", UUID.randomUUID().toString());
        header.put("occurred_at", Instant.now().toEpochMilli());
        header.put("correlation_id", "outside-client");
        header.put("producer", "outside-client");
        Schema usageSchema = envelope.getField("payload").schema().getTypes().get(0);
        GenericRecord usage = new GenericData.Record(usageSchema);
        usage.put("kind", new GenericData.EnumSymbol(usageSchema.getField("kind").schema(), "TOKENS"));
        usage.put("quantity", 0.0);
        usage.put("division", division);
        usage.put("model", model);
        usage.put("agent", "outside-agent");
        usage.put("external", false);
        usage.put("input_tokens", inputTokens);
        usage.put("output_tokens", 0L);
        usage.put("cache_read_tokens", 0L);
        usage.put("cache_write_tokens", 0L);
        usage.put("period_start", Instant.now().toEpochMilli());
        usage.put("period_end", Instant.now().toEpochMilli());
        GenericRecord value = new GenericData.Record(envelope);
        value.put("header", header);
        value.put("payload", usage);
        return value;
    }
}
