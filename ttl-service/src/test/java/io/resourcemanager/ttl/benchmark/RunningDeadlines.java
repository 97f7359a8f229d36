package io.resourcemanager.ttl.benchmark;

import io.resourcemanager.kafka.KafkaProperties;
import io.resourcemanager.kafka.RegistryEventSerdes;
import io.resourcemanager.kafka.StreamsApp;
import io.resourcemanager.state.TrackedDeadline;
import io.resourcemanager.testkit.benchmark.AppProgress;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import io.resourcemanager.ttl.config.TtlProperties;
import io.resourcemanager.ttl.domain.Countdowns;
import io.resourcemanager.ttl.topology.DeadlineTopology;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The TTL topology as production runs it: {@link DeadlineTopology} with the SPEC defaults, the system
 * clock and {@link TtlProperties#defaults()} (tick 250 ms, batch 10,000), started by {@link StreamsApp}
 * (exactly-once v2, 100 ms commit interval, RocksDB stores), with its meters in a {@link TickRecorder}.
 */
final class RunningDeadlines implements AutoCloseable {

    static final String APPLICATION_ID = "rm-ttl-benchmark";
    private static final String INDEX_STORE = "deadline-index";
    private static final Duration POLL = Duration.ofMillis(100);

    private final StreamsApp app;
    private final Admin admin;

    private RunningDeadlines(StreamsApp app, Admin admin) {
        this.app = app;
        this.admin = admin;
    }

    /** Starts the application with its state under {@code stateRoot}; the meters go to {@code meters}. */
    static RunningDeadlines start(String bootstrapServers, RegistrySettings registry, Admin admin, Path stateRoot,
                                  TickRecorder meters) {
        TtlProperties settings = TtlProperties.defaults();
        DeadlineTopology topology = new DeadlineTopology(new Countdowns(settings.policy()), settings,
                Clock.systemUTC(), meters);
        KafkaProperties kafka = new KafkaProperties(bootstrapServers, stateRoot.toString(), Duration.ofSeconds(3),
                (short) 1, false, Duration.ofSeconds(10));
        StreamsApp app = StreamsApp.start(APPLICATION_ID,
                topology.build(new StreamsBuilder(), new RegistryEventSerdes(registry)), kafka);
        return new RunningDeadlines(app, admin);
    }

    /** Waits until the application is RUNNING. */
    boolean awaitRunning(Duration timeout) {
        return AppProgress.until(() -> app.state() == KafkaStreams.State.RUNNING, timeout, POLL);
    }

    /** Waits until the application has committed its input offsets up to the end of {@code rm.allocation.events}. */
    boolean awaitCaughtUp(Duration timeout) {
        return AppProgress.until(this::caughtUp, timeout, POLL);
    }

    /** Iterates a whole store once through an interactive query; what a checker that reads everything pays. */
    Scan scanDeadlines() {
        ReadOnlyKeyValueStore<String, TrackedDeadline> store =
                app.store(DeadlineTopology.DEADLINES_STORE, QueryableStoreTypes.keyValueStore());
        long started = System.nanoTime();
        long entries = 0;
        long running = 0;
        try (KeyValueIterator<String, TrackedDeadline> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, TrackedDeadline> entry = all.next();
                entries++;
                running += entry.value.getClosed() == null ? 1 : 0;
            }
        }
        return new Scan(entries, running, System.nanoTime() - started);
    }

    /** Iterates the deadline index once through an interactive query. */
    Scan scanIndex() {
        ReadOnlyKeyValueStore<String, String> store = app.store(INDEX_STORE, QueryableStoreTypes.keyValueStore());
        long started = System.nanoTime();
        long entries = 0;
        try (KeyValueIterator<String, String> all = store.all()) {
            while (all.hasNext()) {
                all.next();
                entries++;
            }
        }
        return new Scan(entries, entries, System.nanoTime() - started);
    }

    private boolean caughtUp() throws InterruptedException, ExecutionException, TimeoutException {
        return AppProgress.caughtUp(admin, APPLICATION_ID, Topics.ALLOCATION_EVENTS.name(),
                Topics.ALLOCATION_EVENTS.partitions());
    }

    @Override
    public void close() {
        app.close();
    }

    /**
     * One pass over a store.
     *
     * @param entries entries read
     * @param running entries of countdowns still running (all of them for the index)
     * @param nanos how long the pass took
     */
    record Scan(long entries, long running, long nanos) {
    }
}
