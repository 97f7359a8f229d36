package io.resourcemanager.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.allocation.topology.LedgerTopology;
import io.resourcemanager.cost.domain.Dimension;
import io.resourcemanager.cost.domain.budget.Budget;
import io.resourcemanager.cost.domain.budget.BudgetUnit;
import io.resourcemanager.cost.topology.CostSettings;
import io.resourcemanager.cost.topology.CostTopology;
import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.AllocationRejected;
import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.events.AllocationRequested;
import io.resourcemanager.events.BudgetEnforcement;
import io.resourcemanager.events.OnInsufficient;
import io.resourcemanager.events.Priority;
import io.resourcemanager.events.UsageEventEnvelope;
import io.resourcemanager.events.UsageKind;
import io.resourcemanager.events.UsageRecorded;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.TopicCreator;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.testkit.RecordCollector;
import io.resourcemanager.topics.EventHeaders;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topic;
import io.resourcemanager.topics.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A budget with enforcement, end to end on a real broker and registry: token usage exhausts a division's
 * budget in the cost tables, the cost service publishes the enforcement, the allocation ledger refuses that
 * division's new allocations with the reason (others are granted), and when the budget's period ends the
 * enforcement is lifted and the division is granted again.
 */
class BudgetEnforcementIT {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final Duration PERIOD_LEFT = Duration.ofSeconds(45);
    private static final Duration WARM_UP = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final KafkaTestEnvironment env = KafkaTestEnvironment.get();
    private final RegistrySettings registry = RegistrySettings.atBaseAddress(env.registryBaseUrl());

    @TempDir
    Path stateDir;

    @Test
    void shouldRefuseTheDivisionOfAnExhaustedBudgetUntilItsPeriodEnds() throws Exception {
        TopicCreator.ensure(env.admin(), Topics.all(), (short) 1);
        String cluster = env.uniqueName("budget-cluster");
        String node = cluster + "-node-1";
        String division = env.uniqueName("division");
        String budgetName = "tokens-" + division;
        Instant periodEnd = CLOCK.instant().plus(PERIOD_LEFT);
        Budget budget = new Budget(budgetName, new Dimension(Dimension.DIVISION, division), BudgetUnit.TOKENS, 1_000,
                null, periodEnd.minus(Duration.ofHours(1)), periodEnd, true);
        try (RunningTopologies services = RunningTopologies.start(env, stateDir,
                        new LedgerTopology(LedgerSettings.defaults(), CLOCK), new CostTopology(settings(budget), CLOCK))
                .awaitRunning(WARM_UP);
             EventPublisher publisher = EventPublisher.connect(env.bootstrapServers(), registry, "system-tests");
             RecordCollector<String, AllocationEventEnvelope> decisions = collect(Topics.ALLOCATION_EVENTS);
             RecordCollector<String, BudgetEnforcement> enforcements = collect(Topics.COST_ENFORCEMENTS)) {
            publisher.publish(Topics.NODES, node, Events.node(node, cluster, 8_000, 16_384)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            services.awaitLedgerKnows(node, WAIT);

            publisher.publish(Topics.COST_USAGE, "division=" + division, tokens(division, 1_500))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            BudgetEnforcement enforced = enforcements.awaitRecord(r -> budgetName.equals(r.key()) && r.value() != null, WAIT)
                    .value();
            assertThat(enforced.getDivision()).isEqualTo(division);
            services.awaitLedgerStore(LedgerTopology.ENFORCEMENTS_STORE, budgetName, true, WAIT);

            Object refused = decide(publisher, decisions, cluster, division, "refused");
            assertThat(refused).isInstanceOfSatisfying(AllocationRejected.class, rejected -> assertThat(rejected.getError())
                    .contains("Budget " + budgetName + " is exhausted: 1500 of 1000 tokens")
                    .contains("new allocations of division " + division + " are refused until " + periodEnd));
            assertThat(decide(publisher, decisions, cluster, "other-" + division, "other"))
                    .as("another division").isInstanceOf(AllocationGranted.class);

            ConsumerRecord<String, BudgetEnforcement> lifted = enforcements.awaitRecord(
                    r -> budgetName.equals(r.key()) && r.value() == null, PERIOD_LEFT.plus(WAIT));
            assertThat(Instant.ofEpochMilli(lifted.timestamp())).as("lifted when the period ended").isAfterOrEqualTo(periodEnd);
            services.awaitLedgerStore(LedgerTopology.ENFORCEMENTS_STORE, budgetName, false, WAIT);
            assertThat(decide(publisher, decisions, cluster, division, "after")).as("after the period")
                    .isInstanceOf(AllocationGranted.class);
        }
    }

    /** Sends a request for one worker of {@code division} and returns the ledger's decision. */
    private Object decide(EventPublisher publisher, RecordCollector<String, AllocationEventEnvelope> decisions,
                          String cluster, String division, String label) throws Exception {
        String allocationId = env.uniqueName("budget-" + label);
        publisher.publish(Topics.ALLOCATION_REQUESTS, cluster, AllocationRequestEnvelope.newBuilder()
                .setHeader(EventHeaders.first("system-tests", CLOCK))
                .setPayload(AllocationRequested.newBuilder().setRequestId(allocationId + "-request")
                        .setAllocationId(allocationId).setCluster(cluster).setJobId(allocationId + "-job")
                        .setMcpServers(List.of("filesystem")).setWorkers(1).setPriority(Priority.NORMAL)
                        .setTtlSeconds(600L).setMetadata(Map.of("division", division))
                        .setOnInsufficient(OnInsufficient.FAIL).build())
                .build()).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return decisions.awaitRecord(r -> allocationId.equals(r.key()), WAIT).value().getPayload();
    }

    private static CostSettings settings(Budget budget) {
        CostSettings defaults = CostSettings.defaults();
        return new CostSettings(defaults.prices(), defaults.spotPools(), Map.of(budget.name(), budget),
                defaults.thresholds(), defaults.anomalyDimensions(), defaults.fallbackTemplate(),
                defaults.accrualInterval(), Duration.ofMillis(200), Duration.ofSeconds(1), defaults.hourlyRetention());
    }

    private static UsageEventEnvelope tokens(String division, long input) {
        Instant now = CLOCK.instant();
        return UsageEventEnvelope.newBuilder().setHeader(EventHeaders.first("system-tests", CLOCK))
                .setPayload(UsageRecorded.newBuilder().setKind(UsageKind.TOKENS).setQuantity(0).setDivision(division)
                        .setModel("claude-haiku").setInputTokens(input).setPeriodStart(now).setPeriodEnd(now).build())
                .build();
    }

    private <V> RecordCollector<String, V> collect(Topic<V> topic) {
        return RecordCollector.start(env.bootstrapServers(), List.of(topic.name()), new StringDeserializer(),
                topic.valueSerde(registry).deserializer());
    }
}
