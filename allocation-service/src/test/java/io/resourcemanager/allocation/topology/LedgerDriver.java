package io.resourcemanager.allocation.topology;

import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.events.AllocationEventEnvelope;
import io.resourcemanager.events.AllocationRequestEnvelope;
import io.resourcemanager.events.AllocationRequested;
import io.resourcemanager.events.AllocationState;
import io.resourcemanager.events.BudgetEnforcement;
import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.ExpiryReason;
import io.resourcemanager.events.ExtensionRequested;
import io.resourcemanager.events.NodeState;
import io.resourcemanager.events.OnInsufficient;
import io.resourcemanager.events.Priority;
import io.resourcemanager.events.ReleaseRequested;
import io.resourcemanager.events.SubjectType;
import io.resourcemanager.events.TtlEventEnvelope;
import io.resourcemanager.events.TtlExpired;
import io.resourcemanager.events.TtlExtended;
import io.resourcemanager.kafka.testing.Events;
import io.resourcemanager.kafka.testing.MutableClock;
import io.resourcemanager.kafka.testing.PlainAvroSerdes;
import io.resourcemanager.topics.Topic;
import io.resourcemanager.topics.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The ledger topology in a TopologyTestDriver, with the records tests pipe in and read out. */
final class LedgerDriver implements AutoCloseable {

    static final String CLUSTER = "local";

    private final PlainAvroSerdes serdes = new PlainAvroSerdes();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, AllocationRequestEnvelope> requests;
    private final TestInputTopic<String, NodeState> nodes;
    private final TestInputTopic<String, TtlEventEnvelope> ttl;
    private final TestInputTopic<String, BudgetEnforcement> enforcements;
    private final TestOutputTopic<String, AllocationEventEnvelope> events;
    private final TestOutputTopic<String, AllocationState> states;
    private final TestOutputTopic<String, AllocationRequestEnvelope> routed;

    LedgerDriver(LedgerSettings settings, MutableClock clock) {
        driver = new TopologyTestDriver(new LedgerTopology(settings, clock).build(new StreamsBuilder(), serdes));
        requests = input(Topics.ALLOCATION_REQUESTS);
        nodes = input(Topics.NODES);
        ttl = input(Topics.TTL_EVENTS);
        enforcements = input(Topics.COST_ENFORCEMENTS);
        events = driver.createOutputTopic(Topics.ALLOCATION_EVENTS.name(), Topics.ALLOCATION_EVENTS.keySerde().deserializer(),
                serdes.forTopic(Topics.ALLOCATION_EVENTS).deserializer());
        states = driver.createOutputTopic(Topics.ALLOCATIONS.name(), Topics.ALLOCATIONS.keySerde().deserializer(),
                serdes.forTopic(Topics.ALLOCATIONS).deserializer());
        routed = driver.createOutputTopic(Topics.ALLOCATION_REQUESTS.name(),
                Topics.ALLOCATION_REQUESTS.keySerde().deserializer(), serdes.forTopic(Topics.ALLOCATION_REQUESTS).deserializer());
    }

    /** Adds a Ready node of the cluster with 8 CPU and 16384 MB. */
    void node(String name) {
        nodes.pipeInput(name, Events.node(name, CLUSTER, 8000, 16384));
    }

    void removeNode(String name) {
        nodes.pipeInput(name, (NodeState) null);
    }

    void request(String id, int workers, Priority priority, String division, boolean queue) {
        send(AllocationRequested.newBuilder()
                .setRequestId("req-" + id).setAllocationId(id).setCluster(CLUSTER).setJobId("job-" + id)
                .setWorkers(workers).setPriority(priority).setTtlSeconds(3600)
                .setMetadata(division == null ? Map.of() : Map.of("division", division))
                .setOnInsufficient(queue ? OnInsufficient.QUEUE : OnInsufficient.FAIL)
                .build());
    }

    /** The cost service enforces {@code budget}, which names {@code division}, giving {@code reason}. */
    void enforce(String budget, String division, String reason) {
        enforcements.pipeInput(budget, BudgetEnforcement.newBuilder()
                .setHeader(Events.header()).setBudget(budget).setDivision(division)
                .setPeriodStart(Events.T0).setPeriodEnd(Events.T0.plusSeconds(86_400)).setReason(reason)
                .build());
    }

    /** The cost service lifts {@code budget} (its period rolled over): a tombstone. */
    void lift(String budget) {
        enforcements.pipeInput(budget, (BudgetEnforcement) null);
    }

    void release(String id) {
        send(ReleaseRequested.newBuilder().setRequestId("rel-" + id).setAllocationId(id).build());
    }

    void ttlExpired(String allocationId) {
        ttl.pipeInput(allocationId, TtlEventEnvelope.newBuilder()
                .setHeader(Events.header())
                .setPayload(TtlExpired.newBuilder().setSubjectId(allocationId).setSubjectType(SubjectType.ALLOCATION)
                        .setDeadline(Events.T0.plusSeconds(3600)).setReason(ExpiryReason.DEADLINE).build())
                .build());
    }

    /** The TTL service extended the deadline of {@code subjectId} to {@code newDeadline}, in an event with {@code header}. */
    void ttlExtended(String subjectId, SubjectType type, Instant previousDeadline, Instant newDeadline, EventHeader header) {
        ttl.pipeInput(subjectId, TtlEventEnvelope.newBuilder()
                .setHeader(header)
                .setPayload(TtlExtended.newBuilder().setSubjectId(subjectId).setSubjectType(type)
                        .setPreviousDeadline(previousDeadline).setNewDeadline(newDeadline).setExtensionsUsed(1)
                        .setRequestId("ext-" + subjectId).build())
                .build());
    }

    /** A job asks the TTL service for more time (a request the ledger is not meant to act on). */
    void extensionRequested(String allocationId) {
        send(ExtensionRequested.newBuilder().setRequestId("ext-" + allocationId).setSubjectId(allocationId)
                .setSubjectType(SubjectType.ALLOCATION).setExtensionSeconds(3600L).build());
    }

    /** The requests the topology itself wrote to {@code rm.allocation.requests} since the last call, by cluster. */
    List<KeyValue<String, AllocationRequestEnvelope>> routedRequests() {
        return routed.readKeyValuesToList();
    }

    /** The payloads of the decisions since the last call. */
    List<Object> decisions() {
        return events.readValuesToList().stream().map(AllocationEventEnvelope::getPayload).toList();
    }

    /** The latest state per allocation since the last call. */
    Map<String, AllocationState> states() {
        return states.readKeyValuesToMap();
    }

    private void send(Object payload) {
        requests.pipeInput(CLUSTER, AllocationRequestEnvelope.newBuilder().setHeader(Events.header()).setPayload(payload).build());
    }

    private <V> TestInputTopic<String, V> input(Topic<V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), serdes.forTopic(topic).serializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
