package io.resourcemanager.cost.topology;

import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.AllocationReleased;
import io.resourcemanager.events.BudgetEnforcement;
import io.resourcemanager.events.CostAlertEnvelope;
import io.resourcemanager.events.CostRollup;
import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.NodeJoined;
import io.resourcemanager.events.NodeRemoved;
import io.resourcemanager.events.Priority;
import io.resourcemanager.events.ProvisioningEventEnvelope;
import io.resourcemanager.events.Resources;
import io.resourcemanager.events.UsageEventEnvelope;
import io.resourcemanager.events.UsageKind;
import io.resourcemanager.events.UsageRecorded;
import io.resourcemanager.events.WorkerAssignment;
import io.resourcemanager.kafka.testing.ClockedDriver;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.MutableClock;
import io.resourcemanager.kafka.testing.PlainAvroSerdes;
import io.resourcemanager.state.BudgetProgress;
import io.resourcemanager.state.CostAmounts;
import io.resourcemanager.state.MeteredResource;
import io.resourcemanager.topics.Topic;
import io.resourcemanager.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The cost topology in a TopologyTestDriver whose wall clock and the topology's clock move together. */
final class CostDriver implements AutoCloseable {

    static final String APPLICATION_ID = "cost-test";

    final MutableClock clock;
    final TopologyTestDriver driver;
    final PlainAvroSerdes serdes;
    private final ClockedDriver clocked;
    private final Map<String, CostRollup> rollups = new HashMap<>();

    CostDriver(Instant start, CostSettings settings) {
        clocked = new ClockedDriver(APPLICATION_ID, start, clock -> new CostTopology(settings, clock));
        clock = clocked.clock();
        driver = clocked.driver();
        serdes = clocked.serdes();
    }

    /** Moves both clocks; punctuations due on the way fire. */
    void advance(Duration duration) {
        clocked.advance(duration);
    }

    void advanceTo(Instant instant) {
        clocked.advanceTo(instant);
    }

    /** The latest rollup published for {@code dimension} in {@code window} starting at {@code start}, or null. */
    CostRollup rollup(String dimension, String window, Instant start) {
        readRollups();
        return rollups.get(dimension + "|" + window + "|" + start);
    }

    /** Every key of rm.cost.rollups read so far, tombstoned ones removed. */
    Map<String, CostRollup> rollups() {
        readRollups();
        return rollups;
    }

    private void readRollups() {
        driver.createOutputTopic(Topics.COST_ROLLUPS.name(), Serdes.String().deserializer(),
                        serdes.forTopic(Topics.COST_ROLLUPS).deserializer()).readKeyValuesToList()
                .forEach(entry -> {
                    if (entry.value == null) {
                        rollups.remove(entry.key);
                    } else {
                        rollups.put(entry.key, entry.value);
                    }
                });
    }

    /** Alerts published since the last call, payloads only. */
    List<Object> alerts() {
        return driver.createOutputTopic(Topics.COST_ALERTS.name(), Serdes.String().deserializer(),
                        serdes.forTopic(Topics.COST_ALERTS).deserializer()).readValuesToList().stream()
                .map(CostAlertEnvelope::getPayload).toList();
    }

    /** Enforcements published since the last call (null values: lifted). */
    List<TestRecord<String, BudgetEnforcement>> enforcements() {
        return driver.createOutputTopic(Topics.COST_ENFORCEMENTS.name(), Serdes.String().deserializer(),
                serdes.forTopic(Topics.COST_ENFORCEMENTS).deserializer()).readRecordsToList();
    }

    /** Dead letters of rm.cost.usage since the last call. */
    List<TestRecord<String, byte[]>> deadLetters() {
        return driver.createOutputTopic(Topics.COST_USAGE.deadLetter().name(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer()).readRecordsToList();
    }

    void joined(String worker, String pool, String template) {
        Instant now = clock.instant();
        pipe(Topics.PROVISIONING_EVENTS, worker, ProvisioningEventEnvelope.newBuilder().setHeader(Events.header())
                .setPayload(NodeJoined.newBuilder().setWorker(worker).setPool(pool).setTemplate(template)
                        .setAllocatable(Events.medium()).setJoinedAt(now).build())
                .build());
    }

    void removed(String worker, String pool) {
        pipe(Topics.PROVISIONING_EVENTS, worker, ProvisioningEventEnvelope.newBuilder()
                .setHeader(EventHeader.newBuilder(Events.header()).setOccurredAt(clock.instant()).build())
                .setPayload(NodeRemoved.newBuilder().setWorker(worker).setPool(pool).setReason("scale-down").build())
                .build());
    }

    /** An allocation of {@code cpuMillis} and {@code memoryMb} on {@code node}, attributed by {@code metadata}. */
    void granted(String id, String node, long cpuMillis, long memoryMb, Map<String, String> metadata) {
        pipe(Topics.ALLOCATION_EVENTS, id, AllocationEventEnvelope.newBuilder().setHeader(Events.header())
                .setPayload(AllocationGranted.newBuilder().setAllocationId(id).setRequestId("req-" + id)
                        .setJobId("job-" + id).setPriority(Priority.NORMAL)
                        .setResources(Resources.newBuilder().setCpuMillis(cpuMillis).setMemoryMb(memoryMb).build())
                        .setWorkers(List.of(WorkerAssignment.newBuilder().setWorkerId("worker-" + id + "-001")
                                .setNode(node).setCpuMillis(cpuMillis).setMemoryMb(memoryMb).build()))
                        .setTtlSeconds(3600).setActivatedAt(clock.instant()).setMetadata(metadata).build())
                .build());
    }

    void released(String id, Resources freed) {
        pipe(Topics.ALLOCATION_EVENTS, id, AllocationEventEnvelope.newBuilder().setHeader(Events.header())
                .setPayload(AllocationReleased.newBuilder().setAllocationId(id).setJobId("job-" + id).setFreed(freed)
                        .setWorkersReleased(1).setReleasedAt(clock.instant()).setDurationSeconds(1).build())
                .build());
    }

    /** Token usage of {@code model} by {@code division}, used now. */
    void tokens(String division, String model, long input, long output) {
        usage(tokenUsage(division, model, input, output).build());
    }

    UsageRecorded.Builder tokenUsage(String division, String model, long input, long output) {
        Instant now = clock.instant();
        return UsageRecorded.newBuilder().setKind(UsageKind.TOKENS).setQuantity(0).setDivision(division)
                .setModel(model).setAgent("agent-1").setInputTokens(input).setOutputTokens(output)
                .setPeriodStart(now).setPeriodEnd(now);
    }

    void usage(UsageRecorded usage) {
        pipe(Topics.COST_USAGE, "division=" + usage.getDivision(),
                UsageEventEnvelope.newBuilder().setHeader(Events.header()).setPayload(usage).build());
    }

    void pipeBytes(String key, byte[] value) {
        driver.createInputTopic(Topics.COST_USAGE.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer())
                .pipeInput(key, value, clock.instant());
    }

    <V> void pipe(Topic<V> topic, String key, V value) {
        clocked.pipe(topic, key, value);
    }

    /** What every store's changelog holds: what a restart restores. */
    Map<String, Map<String, ?>> changelogs() {
        Map<String, Map<String, ?>> all = new HashMap<>();
        all.put(CostTopology.USAGE_BUFFER_STORE, changelog(CostTopology.USAGE_BUFFER_STORE,
                serdes.forStore(CostAmounts.class).deserializer()));
        all.put(CostTopology.METERS_STORE, changelog(CostTopology.METERS_STORE,
                serdes.forStore(MeteredResource.class).deserializer()));
        all.put(CostTopology.ROLLUPS_STORE, changelog(CostTopology.ROLLUPS_STORE,
                serdes.forStore(CostAmounts.class).deserializer()));
        all.put(CostTopology.BUDGETS_STORE, changelog(CostTopology.BUDGETS_STORE,
                serdes.forStore(BudgetProgress.class).deserializer()));
        all.put(CostTopology.ANOMALIES_STORE, changelog(CostTopology.ANOMALIES_STORE, Serdes.Long().deserializer()));
        return all;
    }

    private <V> Map<String, V> changelog(String store, Deserializer<V> values) {
        return clocked.changelog(store, values);
    }

    /** Fills every store as a restore from {@code changelogs} would. */
    @SuppressWarnings("unchecked")
    void restore(Map<String, Map<String, ?>> changelogs) {
        changelogs.forEach((store, contents) -> clocked.restore(store, (Map<String, Object>) contents));
    }

    @Override
    public void close() {
        clocked.close();
    }
}
