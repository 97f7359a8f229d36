package io.resourcemanager.cost.benchmark;

import io.resourcemanager.cost.topology.CostSettings;
import io.resourcemanager.cost.topology.CostTopology;
import io.resourcemanager.kafka.KafkaProperties;
import io.resourcemanager.kafka.RegistryEventSerdes;
import io.resourcemanager.kafka.StreamsApp;
import io.resourcemanager.testkit.benchmark.AppProgress;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * The cost topology as production runs it: {@link CostTopology} with {@link CostSettings#defaults()} (SPEC
 * prices and budgets, flush every 1 s, hourly rollups kept 35 days) and the system clock, with the registry
 * serdes, started by {@link StreamsApp} (exactly-once v2, 100 ms commit interval, RocksDB stores, one stream
 * thread).
 */
final class RunningCost implements AutoCloseable {

    static final String APPLICATION_ID = "rm-cost-benchmark";
    private static final Duration POLL = Duration.ofMillis(100);

    private final StreamsApp app;
    private final Admin admin;

    private RunningCost(StreamsApp app, Admin admin) {
        this.app = app;
        this.admin = admin;
    }

    /** Starts the application with its state under {@code stateRoot}. */
    static RunningCost start(String bootstrapServers, RegistrySettings registry, Admin admin, Path stateRoot) {
        KafkaProperties kafka = new KafkaProperties(bootstrapServers, stateRoot.toString(), Duration.ofSeconds(3),
                (short) 1, false, Duration.ofSeconds(10));
        CostTopology topology = new CostTopology(CostSettings.defaults(), Clock.systemUTC());
        Properties config = StreamsApp.config(APPLICATION_ID, kafka);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.getInteger("bench.threads", 1));
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Integer.getInteger("bench.commitMs", 100));
        StreamsApp app = StreamsApp.start(APPLICATION_ID,
                topology.build(new StreamsBuilder(), new RegistryEventSerdes(registry)), config);
        return new RunningCost(app, admin);
    }

    /** Waits until the application is RUNNING. */
    boolean awaitRunning(Duration timeout) {
        return AppProgress.until(() -> app.state() == KafkaStreams.State.RUNNING, timeout, POLL);
    }

    /** Whether the application has committed its input offsets up to the end of {@code rm.cost.usage}. */
    boolean caughtUp() throws Exception {
        return AppProgress.caughtUp(admin, APPLICATION_ID, Topics.COST_USAGE.name(), Topics.COST_USAGE.partitions());
    }

    /** RocksDB's estimate of the entries of {@code store} over all tasks (no scan). */
    long approximateEntries(String store) {
        try {
            return app.store(store, QueryableStoreTypes.<String, Object>keyValueStore()).approximateNumEntries();
        } catch (RuntimeException notQueryable) {
            return -1;
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
