package io.resourcemanager.systemtests;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.allocation.topology.LedgerTopology;
import io.resourcemanager.kafka.EventSerdes;
import io.resourcemanager.kafka.KafkaProperties;
import io.resourcemanager.kafka.RegistryEventSerdes;
import io.resourcemanager.kafka.StreamsApp;
import io.resourcemanager.kafka.StreamsTopology;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.ttl.config.TtlProperties;
import io.resourcemanager.ttl.domain.Countdowns;
import io.resourcemanager.ttl.topology.DeadlineTopology;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The allocation ledger ({@link LedgerTopology}) and the TTL countdowns ({@link DeadlineTopology}),
 * built with their default settings and started by {@link StreamsApp} with the configuration every
 * service uses (exactly-once v2, 100 ms commits), each under an application id of its own, on the
 * shared test broker and registry. No Micronaut context: only the topologies run.
 */
final class TwoServices implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final StreamsApp ledger;
    private final StreamsApp deadlines;

    private TwoServices(StreamsApp ledger, StreamsApp deadlines) {
        this.ledger = ledger;
        this.deadlines = deadlines;
    }

    /** Starts both topologies with {@code clock}; their state lives under {@code stateDir}. */
    static TwoServices start(KafkaTestEnvironment env, Path stateDir, Clock clock) {
        KafkaProperties kafka = new KafkaProperties(env.bootstrapServers(), stateDir.toString(), Duration.ofSeconds(3),
                (short) 1, false, Duration.ofSeconds(10));
        EventSerdes serdes = new RegistryEventSerdes(RegistrySettings.atBaseAddress(env.registryBaseUrl()));
        TtlProperties ttl = TtlProperties.defaults();
        StreamsApp ledger = run(env, new LedgerTopology(LedgerSettings.defaults(), clock), serdes, kafka);
        try {
            StreamsApp deadlines = run(env,
                    new DeadlineTopology(new Countdowns(ttl.policy()), ttl, clock, new SimpleMeterRegistry()), serdes, kafka);
            return new TwoServices(ledger, deadlines);
        } catch (RuntimeException e) {
            ledger.close();
            throw e;
        }
    }

    /** Waits until both applications are RUNNING (the first start on a fresh broker takes a few seconds). */
    TwoServices awaitRunning(Duration timeout) {
        await("both topologies RUNNING").atMost(timeout).pollInterval(POLL_INTERVAL)
                .until(() -> ledger.state() == KafkaStreams.State.RUNNING
                        && deadlines.state() == KafkaStreams.State.RUNNING);
        return this;
    }

    /**
     * Waits until the ledger has taken in {@code node}. Node changes reach the ledger through a repartition
     * topic and requests directly, so a request sent before the node has arrived finds no capacity.
     */
    void awaitLedgerKnows(String node, Duration timeout) {
        await("the ledger knows node " + node).atMost(timeout).pollInterval(POLL_INTERVAL)
                .ignoreException(InvalidStateStoreException.class)
                .until(() -> ledgerNodes().get(node) != null);
    }

    @Override
    public void close() {
        try {
            deadlines.close();
        } finally {
            ledger.close();
        }
    }

    private ReadOnlyKeyValueStore<String, Object> ledgerNodes() {
        return ledger.store(LedgerTopology.NODES_STORE, QueryableStoreTypes.keyValueStore());
    }

    private static StreamsApp run(KafkaTestEnvironment env, StreamsTopology topology, EventSerdes serdes,
                                  KafkaProperties kafka) {
        String applicationId = env.uniqueName("system-" + topology.name());
        return StreamsApp.start(applicationId, topology.build(new StreamsBuilder(), serdes), kafka);
    }
}
