package io.resourcemanager.systemtests;

import static org.awaitility.Awaitility.await;

import io.resourcemanager.allocation.topology.LedgerTopology;
import io.resourcemanager.kafka.EventSerdes;
import io.resourcemanager.kafka.KafkaProperties;
import io.resourcemanager.kafka.RegistryEventSerdes;
import io.resourcemanager.kafka.StreamsApp;
import io.resourcemanager.kafka.StreamsTopology;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.topics.RegistrySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Topologies of several services (for example the allocation ledger with the TTL countdowns, or with the
 * cost tables), started by {@link StreamsApp} with the configuration every service uses (exactly-once v2,
 * 100 ms commits), each under an application id of its own, on the shared test broker and registry. No
 * Micronaut context: only the topologies run.
 */
final class RunningTopologies implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final Map<String, StreamsApp> apps;

    private RunningTopologies(Map<String, StreamsApp> apps) {
        this.apps = apps;
    }

    /** Starts {@code topologies}; their state lives under {@code stateDir}. */
    static RunningTopologies start(KafkaTestEnvironment env, Path stateDir, StreamsTopology... topologies) {
        KafkaProperties kafka = new KafkaProperties(env.bootstrapServers(), stateDir.toString(), Duration.ofSeconds(3),
                (short) 1, false, Duration.ofSeconds(10));
        EventSerdes serdes = new RegistryEventSerdes(RegistrySettings.atBaseAddress(env.registryBaseUrl()));
        RunningTopologies running = new RunningTopologies(new LinkedHashMap<>());
        try {
            for (StreamsTopology topology : topologies) {
                String applicationId = env.uniqueName("system-" + topology.name());
                running.apps.put(topology.name(),
                        StreamsApp.start(applicationId, topology.build(new StreamsBuilder(), serdes), kafka));
            }
            return running;
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
    }

    /** Waits until every application is RUNNING (the first start on a fresh broker takes a few seconds). */
    RunningTopologies awaitRunning(Duration timeout) {
        await("every topology RUNNING").atMost(timeout).pollInterval(POLL_INTERVAL)
                .until(() -> apps.values().stream().allMatch(app -> app.state() == KafkaStreams.State.RUNNING));
        return this;
    }

    /**
     * Waits until the ledger has taken in {@code node}. Node changes reach the ledger through a repartition
     * topic and requests directly, so a request sent before the node has arrived finds no capacity.
     */
    void awaitLedgerKnows(String node, Duration timeout) {
        awaitLedgerStore(LedgerTopology.NODES_STORE, node, true, timeout);
    }

    /** Waits until the ledger's store {@code store} holds {@code key} ({@code present}) or no longer does. */
    void awaitLedgerStore(String store, String key, boolean present, Duration timeout) {
        await("the ledger's " + store + (present ? " holds " : " no longer holds ") + key).atMost(timeout)
                .pollInterval(POLL_INTERVAL).ignoreException(InvalidStateStoreException.class)
                .until(() -> (ledgerStore(store).get(key) != null) == present);
    }

    @Override
    public void close() {
        List<StreamsApp> reversed = new ArrayList<>(apps.values());
        Collections.reverse(reversed);
        RuntimeException failure = null;
        for (StreamsApp app : reversed) {
            try {
                app.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private ReadOnlyKeyValueStore<String, Object> ledgerStore(String store) {
        StreamsApp ledger = apps.get(LedgerTopology.NAME);
        if (ledger == null) {
            throw new IllegalStateException("The ledger is not among the running topologies");
        }
        return ledger.store(store, QueryableStoreTypes.keyValueStore());
    }
}
