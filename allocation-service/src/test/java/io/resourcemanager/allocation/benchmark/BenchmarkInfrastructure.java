package io.resourcemanager.allocation.benchmark;

import io.resourcemanager.testkit.kafka.EmbeddedKafkaBroker;
import io.resourcemanager.testkit.registry.RegistryOptions;
import io.resourcemanager.testkit.registry.RegistryProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The test kit's real infrastructure, owned by the benchmark: an {@link EmbeddedKafkaBroker} (KRaft,
 * in this JVM) and a {@link RegistryProcess} (Apicurio Registry, child process), both on the loopback
 * interface. Unlike the shared test environment, which stops them from a JVM shutdown hook, this
 * stops them in order before the JVM exits, so a shutdown race cannot change the exit status.
 */
final class BenchmarkInfrastructure implements AutoCloseable {

    private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final EmbeddedKafkaBroker broker;
    private final RegistryProcess registry;
    private final Admin admin;

    private BenchmarkInfrastructure(EmbeddedKafkaBroker broker, RegistryProcess registry) {
        this.broker = broker;
        this.registry = registry;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    /** Starts the broker, then the registry (its output goes to {@code target/test-kit}). */
    static BenchmarkInfrastructure start() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        try {
            return new BenchmarkInfrastructure(broker, RegistryProcess.start(RegistryOptions.defaults()
                    .withPort(RegistryOptions.ANY_FREE_PORT)
                    .withLogFile(Path.of("target", "test-kit", "apicurio-registry-benchmark.log"))));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** The {@code host:port} list Kafka clients connect to. */
    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The registry's root address, without trailing slash. */
    String registryBaseUrl() {
        return registry.baseUrl();
    }

    /** An admin client of the broker; closed with the infrastructure. */
    Admin admin() {
        return admin;
    }

    /** Stops the admin client, the registry and the broker, in that order. */
    @Override
    public void close() {
        try {
            admin.close(ADMIN_CLOSE_TIMEOUT);
            registry.close();
        } finally {
            broker.close();
        }
    }
}
