package io.resourcemanager.allocation.benchmark;

import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.allocation.topology.LedgerTopology;
import io.resourcemanager.kafka.KafkaProperties;
import io.resourcemanager.kafka.RegistryEventSerdes;
import io.resourcemanager.kafka.StreamsApp;
import io.resourcemanager.topics.RegistrySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The ledger as production runs it: {@link LedgerTopology} with the default settings and the system
 * clock, started by {@link StreamsApp} with the configuration every service uses (exactly-once v2,
 * 100 ms commit interval, one replica), its state under a directory of its own.
 */
final class LedgerUnderTest implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

    private final String bootstrapServers;
    private final RegistrySettings registry;
    private final String applicationId;
    private final Path stateRoot;
    private StreamsApp app;

    private LedgerUnderTest(String bootstrapServers, RegistrySettings registry, String applicationId, Path stateRoot) {
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        this.applicationId = applicationId;
        this.stateRoot = stateRoot;
    }

    /** A ledger, not started yet, whose state lives in a new temporary directory deleted by {@link #close()}. */
    static LedgerUnderTest withTemporaryState(String bootstrapServers, RegistrySettings registry, String applicationId)
            throws IOException {
        return new LedgerUnderTest(bootstrapServers, registry, applicationId,
                Files.createTempDirectory("ledger-benchmark-state"));
    }

    /** Starts a new instance of the application (the same application id every time). */
    void start() {
        if (app != null) {
            throw new IllegalStateException("The ledger is already running");
        }
        KafkaProperties kafka = new KafkaProperties(bootstrapServers, stateRoot.toString(), Duration.ofSeconds(3),
                (short) 1, false, Duration.ofSeconds(10));
        LedgerTopology topology = new LedgerTopology(LedgerSettings.defaults(), Clock.systemUTC());
        app = StreamsApp.start(applicationId,
                topology.build(new StreamsBuilder(), new RegistryEventSerdes(registry)),
                StreamsApp.config(applicationId, kafka));
    }

    /** Waits until the running instance reports RUNNING; false if the timeout passed first. */
    boolean awaitRunning(Duration timeout) {
        return BoundedWait.until(() -> running().state() == KafkaStreams.State.RUNNING, timeout, POLL_INTERVAL);
    }

    /** Entries in one of the ledger's key-value stores, or -1 while the store cannot be queried. */
    long storeEntries(String storeName) {
        try {
            ReadOnlyKeyValueStore<String, Object> store =
                    running().store(storeName, QueryableStoreTypes.keyValueStore());
            long entries = 0;
            try (KeyValueIterator<String, Object> all = store.all()) {
                while (all.hasNext()) {
                    all.next();
                    entries++;
                }
            }
            return entries;
        } catch (InvalidStateStoreException notReady) {
            return -1;
        }
    }

    /** Closes the running instance (a clean shutdown: it commits and leaves its state on disk). */
    void stop() {
        running().close();
        app = null;
    }

    /** Deletes the local state of the stopped application, so the next start restores from the changelogs. */
    void deleteLocalState() {
        if (app != null) {
            throw new IllegalStateException("Stop the ledger before deleting its state");
        }
        Path directory = stateRoot.resolve(applicationId);
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(LedgerUnderTest::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }

    /** Stops the ledger if it runs and deletes its state directory. */
    @Override
    public void close() {
        if (app != null) {
            stop();
        }
        deleteLocalState();
        delete(stateRoot);
    }

    private StreamsApp running() {
        if (app == null) {
            throw new IllegalStateException("The ledger is not running");
        }
        return app;
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + path, e);
        }
    }
}
