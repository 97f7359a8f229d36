package io.resourcemanager.cost.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.events.UsageEventEnvelope;
import io.resourcemanager.events.UsageKind;
import io.resourcemanager.events.UsageRecorded;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.PlainAvroSerdes;
import io.resourcemanager.topics.Topics;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsageTotalsTopologyTest {

    private TopologyTestDriver driver;
    private TestInputTopic<String, UsageEventEnvelope> usage;

    @BeforeEach
    void startDriver() {
        PlainAvroSerdes serdes = new PlainAvroSerdes();
        driver = new TopologyTestDriver(new UsageTotalsTopology().build(new StreamsBuilder(), serdes));
        usage = driver.createInputTopic(Topics.COST_USAGE.name(), Topics.COST_USAGE.keySerde().serializer(),
                serdes.forTopic(Topics.COST_USAGE).serializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldSumUsagePerDivisionAndKind() {
        usage.pipeInput("division=security", recorded("security", UsageKind.TOKENS, 1_000));
        usage.pipeInput("division=security", recorded("security", UsageKind.TOKENS, 2_500));
        usage.pipeInput("division=security", recorded("security", UsageKind.GPU_HOURS, 1.5));
        usage.pipeInput("division=development", recorded("development", UsageKind.TOKENS, 10));

        assertThat(totals().get("division=security|TOKENS")).isEqualTo(3_500.0);
        assertThat(totals().get("division=security|GPU_HOURS")).isEqualTo(1.5);
        assertThat(totals().get("division=development|TOKENS")).isEqualTo(10.0);
    }

    @Test
    void shouldNeverLetANegativeQuantityReduceATotal() {
        usage.pipeInput("division=security", recorded("security", UsageKind.TOKENS, 100));
        usage.pipeInput("division=security", recorded("security", UsageKind.TOKENS, -500));

        assertThat(totals().get("division=security|TOKENS")).isEqualTo(100.0);
    }

    private KeyValueStore<String, Double> totals() {
        return driver.getKeyValueStore(UsageTotalsTopology.USAGE_TOTALS_STORE);
    }

    private static UsageEventEnvelope recorded(String division, UsageKind kind, double quantity) {
        return UsageEventEnvelope.newBuilder()
                .setHeader(Events.header())
                .setPayload(UsageRecorded.newBuilder()
                        .setKind(kind)
                        .setQuantity(quantity)
                        .setDivision(division)
                        .setPeriodStart(Events.T0)
                        .setPeriodEnd(Events.T0.plus(1, ChronoUnit.HOURS))
                        .build())
                .build();
    }
}
