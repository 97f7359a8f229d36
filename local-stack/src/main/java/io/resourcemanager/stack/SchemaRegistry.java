package io.resourcemanager.stack;

import io.resourcemanager.testkit.registry.RegistryOptions;
import io.resourcemanager.testkit.registry.RegistryProcess;
import io.resourcemanager.testkit.registry.RegistryStartException;
import java.nio.file.Path;
import java.util.List;

/**
 * Apicurio Registry with in-memory storage, started through the test kit's {@link RegistryProcess}
 * from the archive it locates ({@code apicurio.registry.archive}, else the local Maven repository).
 * It also serves the Confluent-compatible API that non-Java clients use.
 */
public final class SchemaRegistry implements StackPart {

    /** Name of the part in logs and in the endpoint table. */
    public static final String NAME = "registry";

    private final RegistryProcess registry;
    private final HealthCheck healthCheck;

    private SchemaRegistry(RegistryProcess registry) {
        this.registry = registry;
        this.healthCheck = new HttpHealthCheck(systemInfoUrl(registry.baseUrl()));
    }

    /**
     * Starts the registry and waits until it is ready, at most the run's ready timeout.
     *
     * @param settings the run's settings
     * @param workDir  where the archive is unpacked and the log goes
     * @return the ready registry
     * @throws PartFailedException if it does not start or is not ready in time
     */
    public static SchemaRegistry start(StackSettings settings, WorkDir workDir) {
        RegistryOptions options = RegistryOptions.defaults()
                .withPort(settings.port(Setting.REGISTRY_PORT))
                .withInstallRoot(workDir.registryInstallRoot())
                .withLogFile(workDir.logFile(NAME))
                .withStartupTimeout(settings.readyTimeout());
        try {
            return new SchemaRegistry(RegistryProcess.start(options));
        } catch (RegistryStartException e) {
            throw new PartFailedException(NAME, e.getMessage(), List.of());
        }
    }

    /**
     * @param settings the run's settings
     * @return the registry's URL for the Apicurio serde ({@code rm.registry.url})
     */
    public static String baseUrl(StackSettings settings) {
        return settings.loopbackUrl(Setting.REGISTRY_PORT);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isRunning() {
        return registry.isAlive();
    }

    @Override
    public String exitDescription() {
        return isRunning() ? "still running" : "stopped";
    }

    @Override
    public boolean isHealthy() {
        return healthCheck.isHealthy();
    }

    @Override
    public List<Endpoint> endpoints() {
        String baseUrl = registry.baseUrl();
        return List.of(
                new Endpoint(NAME, baseUrl + "/apis/registry/v3", List.of(systemInfoUrl(baseUrl)), logFile()),
                new Endpoint(NAME + " (Confluent API)", baseUrl + "/apis/ccompat/v7", List.of(), logFile()));
    }

    @Override
    public Path logFile() {
        return registry.logFile();
    }

    @Override
    public void stop() {
        registry.close();
    }

    private static String systemInfoUrl(String baseUrl) {
        return baseUrl + "/apis/registry/v3/system/info";
    }
}
