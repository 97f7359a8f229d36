package io.resourcemanager.allocation.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationGranted;
import io.resourcemanager.events.AllocationRejected;
import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.events.AllocationRequested;
import io.resourcemanager.events.Priority;
import io.resourcemanager.events.WorkerAssignment;
import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.TopicCreator;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.testkit.RecordCollector;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Kills the ledger's JVM without warning in the middle of a stream of requests and starts it again:
 * every request still gets exactly one decision and capacity is never over-committed.
 */
class LedgerCrashIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int REQUESTS = 150;
    private static final int NODES = 4;
    private static final int SLOTS_PER_NODE = 15;

    private final KafkaTestEnvironment env = KafkaTestEnvironment.get();
    private final RegistrySettings registry = RegistrySettings.atBaseAddress(env.registryBaseUrl());

    @Test
    void shouldDecideEveryRequestExactlyOnceAcrossAnUncleanRestart() throws Exception {
        TopicCreator.ensure(env.admin(), Topics.all(), (short) 1);
        String cluster = env.uniqueName("crash-cluster");
        String applicationId = env.uniqueName("crash-ledger");
        Path stateDir = Files.createTempDirectory("ledger-state");
        try (EventPublisher publisher = EventPublisher.connect(env.bootstrapServers(), registry, "crash-test");
             RecordCollector<String, AllocationEventEnvelope> decisions = RecordCollector.start(env.bootstrapServers(),
                     List.of(Topics.ALLOCATION_EVENTS.name()), new StringDeserializer(),
                     Topics.ALLOCATION_EVENTS.valueSerde(registry).deserializer())) {
            for (int i = 0; i < NODES; i++) {
                String node = cluster + "-node-" + i;
                publisher.publish(Topics.NODES, node, Events.node(node, cluster, 15_800, 30_720)).get();
            }
            Process first = startLedger(applicationId, stateDir);
            awaitLedgerKnowsTheNodes(publisher, decisions, cluster);
            for (int i = 0; i < REQUESTS / 2; i++) {
                publisher.publish(Topics.ALLOCATION_REQUESTS, cluster, request(cluster, i));
            }
            decisions.awaitRecords(REQUESTS / 4, WAIT);
            first.destroyForcibly().waitFor();

            for (int i = REQUESTS / 2; i < REQUESTS; i++) {
                publisher.publish(Topics.ALLOCATION_REQUESTS, cluster, request(cluster, i));
            }
            Process second = startLedger(applicationId, stateDir);
            try {
                decisions.awaitRecord(r -> decided(decisions, cluster) >= REQUESTS, WAIT);
            } finally {
                second.destroyForcibly().waitFor();
            }

            List<Object> ours = decisions.values().stream().map(AllocationEventEnvelope::getPayload)
                    .filter(payload -> jobOf(payload).startsWith(cluster)).toList();
            Map<String, Long> perAllocation = ours.stream().collect(Collectors.groupingBy(LedgerCrashIT::idOf, Collectors.counting()));
            assertThat(perAllocation).hasSize(REQUESTS).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
            List<AllocationGranted> granted = ours.stream().filter(AllocationGranted.class::isInstance)
                    .map(AllocationGranted.class::cast).toList();
            assertThat(granted).as("all slots but the probe's").hasSize(NODES * SLOTS_PER_NODE - 1);
            Map<String, Long> perNode = granted.stream().flatMap(g -> g.getWorkers().stream())
                    .collect(Collectors.groupingBy(WorkerAssignment::getNode, Collectors.counting()));
            assertThat(perNode.values()).allSatisfy(slots -> assertThat(slots).isLessThanOrEqualTo(SLOTS_PER_NODE));
            assertThat(ours.stream().filter(AllocationRejected.class::isInstance))
                    .hasSize(REQUESTS - NODES * SLOTS_PER_NODE + 1);
        }
    }

    /**
     * Node changes reach the ledger through a repartition topic, requests directly: until the nodes have
     * arrived, requests are refused. Probe with one-worker requests until one is granted (it keeps its slot).
     */
    private static void awaitLedgerKnowsTheNodes(EventPublisher publisher,
                                                 RecordCollector<String, AllocationEventEnvelope> decisions,
                                                 String cluster) throws Exception {
        for (int probe = 0; probe < 60; probe++) {
            AllocationRequestEnvelope request = request(cluster, 0xf00 + probe);
            String id = ((AllocationRequested) request.getPayload()).getAllocationId();
            ((AllocationRequested) request.getPayload()).setJobId("probe-" + cluster);
            publisher.publish(Topics.ALLOCATION_REQUESTS, cluster, request).get();
            Object decision = decisions.awaitRecord(r -> r.key().equals(id), WAIT).value().getPayload();
            if (decision instanceof AllocationGranted) {
                return;
            }
        }
        throw new AssertionError("The ledger never learned the nodes of " + cluster);
    }

    private static long decided(RecordCollector<String, AllocationEventEnvelope> decisions, String cluster) {
        return decisions.values().stream().map(AllocationEventEnvelope::getPayload)
                .filter(payload -> jobOf(payload).startsWith(cluster)).map(LedgerCrashIT::idOf).distinct().count();
    }

    private Process startLedger(String applicationId, Path stateDir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LedgerProcessMain.class.getName(), env.bootstrapServers(), env.registryBaseUrl(), applicationId,
                stateDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(new File("target", applicationId + ".log"))
                .start();
    }

    private static AllocationRequestEnvelope request(String cluster, int index) {
        String id = String.format("alloc-%06x%06x", cluster.hashCode() & 0xffffff, index);
        return AllocationRequestEnvelope.newBuilder()
                .setHeader(Events.header())
                .setPayload(AllocationRequested.newBuilder()
                        .setRequestId(cluster + "-request-" + index).setAllocationId(id)
                        .setCluster(cluster).setJobId(cluster + "-job-" + index)
                        .setWorkers(1).setPriority(Priority.NORMAL).setTtlSeconds(3600)
                        .build())
                .build();
    }

    private static String jobOf(Object payload) {
        return payload instanceof AllocationGranted g ? g.getJobId()
                : payload instanceof AllocationRejected r ? r.getJobId() : "";
    }

    private static String idOf(Object payload) {
        return payload instanceof AllocationGranted g ? g.getAllocationId() : ((AllocationRejected) payload).getAllocationId();
    }
}
