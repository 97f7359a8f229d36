package io.resourcemanager.provisioner.benchmark;

import io.resourcemanager.kafka.TopicCreator;
import io.resourcemanager.testkit.kafka.EmbeddedKafkaBroker;
import io.resourcemanager.testkit.registry.RegistryOptions;
import io.resourcemanager.testkit.registry.RegistryProcess;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The test kit's real infrastructure, owned by the benchmark: an {@link EmbeddedKafkaBroker} (KRaft, in
 * this JVM) and a {@link RegistryProcess} (Apicurio Registry, child process), both on the loopback
 * interface, with the catalogue topics created. It stops them in order before the JVM exits, rather
 * than from a shutdown hook as the shared test environment does.
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

    /** Starts the broker, then the registry (its output goes to {@code target/test-kit}), and creates the topics. */
    static BenchmarkInfrastructure start() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        BenchmarkInfrastructure infrastructure;
        try {
            infrastructure = new BenchmarkInfrastructure(broker, RegistryProcess.start(RegistryOptions.defaults()
                    .withPort(RegistryOptions.ANY_FREE_PORT)
                    .withLogFile(Path.of("target", "test-kit", "apicurio-registry-benchmark.log"))));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        try {
            TopicCreator.ensure(infrastructure.admin, Topics.all(), (short) 1);
            return infrastructure;
        } catch (RuntimeException e) {
            infrastructure.close();
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

    /** How clients reach the registry. */
    RegistrySettings registry() {
        return RegistrySettings.atBaseAddress(registry.baseUrl());
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
