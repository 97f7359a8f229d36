package io.resourcemanager.testkit;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.resourcemanager.testkit.kafka.EmbeddedKafkaBroker;
import io.resourcemanager.testkit.registry.RegistryOptions;
import io.resourcemanager.testkit.registry.RegistryProcess;

/**
 * The default infrastructure: an {@link EmbeddedKafkaBroker} in this JVM and a {@link RegistryProcess}
 * on a free port, started side by side. The registry's output goes to
 * {@code apicurio-registry-<test JVM pid>.log} in {@value #LOG_DIR_PROPERTY}, by default
 * {@code target/test-kit} under the working directory.
 */
final class EmbeddedInfrastructure implements TestInfrastructure {

    /** System property naming the directory for the registry log. */
    static final String LOG_DIR_PROPERTY = "test.kit.log.dir";

    private final EmbeddedKafkaBroker broker;
    private final RegistryProcess registry;

    private EmbeddedInfrastructure(EmbeddedKafkaBroker broker, RegistryProcess registry) {
        this.broker = broker;
        this.registry = registry;
    }

    /**
     * @return running broker and registry
     */
    static EmbeddedInfrastructure start() {
        CompletableFuture<RegistryProcess> registry =
                CompletableFuture.supplyAsync(() -> RegistryProcess.start(registryOptions()));
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start();
        } catch (RuntimeException e) {
            registry.thenAccept(RegistryProcess::close);
            throw e;
        }
        try {
            return new EmbeddedInfrastructure(broker, registry.join());
        } catch (CompletionException e) {
            broker.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String registryBaseUrl() {
        return registry.baseUrl();
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }

    private static RegistryOptions registryOptions() {
        Path logDir = Path.of(System.getProperty(LOG_DIR_PROPERTY, Path.of("target", "test-kit").toString()));
        return RegistryOptions.defaults()
                .withPort(RegistryOptions.ANY_FREE_PORT)
                .withLogFile(logDir.resolve("apicurio-registry-" + ProcessHandle.current().pid() + ".log"));
    }
}
