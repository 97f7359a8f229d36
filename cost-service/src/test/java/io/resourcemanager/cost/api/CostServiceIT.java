package io.resourcemanager.cost.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.resourcemanager.events.UsageEventEnvelope;
import io.resourcemanager.kafka.testing.ServiceEndpointsContract;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.topics.SchemaCatalogue;
import io.resourcemanager.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The cost service reads usage that outside producers write with any Confluent-compatible client. */
@MicronautTest
class CostServiceIT extends ServiceEndpointsContract {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void shouldTotalUsageWrittenByAConfluentCompatibleClientAndSkipPoison() throws Exception {
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        String division = env.uniqueName("division");
        Schema schema = schemaAsAnOutsideClientSeesIt();

        try (ConfluentWireProducer outside = new ConfluentWireProducer(env.bootstrapServers(), env.registryBaseUrl())) {
            int schemaId = outside.register(SchemaCatalogue.valueSubject(Topics.COST_USAGE), schema);
            outside.send(Topics.COST_USAGE.name(), division, schemaId, usage(schema, division, 1200));
            outside.send(Topics.COST_USAGE.name(), division, 999_999, usage(schema, division, 5));
            outside.send(Topics.COST_USAGE.name(), division, schemaId, usage(schema, division, 800));
        }

        Awaitility.await().atMost(WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(totals()).contains(Map.of("dimension", "division=" + division, "kind", "TOKENS",
                        "quantity", 2000.0)));
    }

    private List<Map<String, Object>> totals() {
        return http.toBlocking().retrieve(HttpRequest.GET("/usage"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    /** The envelope schema as a non-Java client would write it: without Java-specific properties. */
    private static Schema schemaAsAnOutsideClientSeesIt() {
        String json = UsageEventEnvelope.getClassSchema().toString().replace(",\"avro.java.string\":\"String\"", "");
        return new Schema.Parser().parse(json);
    }

    private static GenericRecord usage(Schema envelope, String division, double tokens) {
        Schema headerSchema = envelope.getField("header").schema();
        GenericRecord header = new GenericData.Record(headerSchema);
        header.put("event_id", UUID.randomUUID().toString());
        header.put("occurred_at", Instant.now().toEpochMilli());
        header.put("correlation_id", "outside-client");
        header.put("producer", "outside-client");
        Schema usageSchema = envelope.getField("payload").schema().getTypes().get(0);
        GenericRecord usage = new GenericData.Record(usageSchema);
        usage.put("kind", new GenericData.EnumSymbol(usageSchema.getField("kind").schema(), "TOKENS"));
        usage.put("quantity", tokens);
        usage.put("division", division);
        usage.put("model", "claude");
        usage.put("external", false);
        usage.put("period_start", Instant.now().toEpochMilli());
        usage.put("period_end", Instant.now().toEpochMilli());
        GenericRecord value = new GenericData.Record(envelope);
        value.put("header", header);
        value.put("payload", usage);
        return value;
    }
}
