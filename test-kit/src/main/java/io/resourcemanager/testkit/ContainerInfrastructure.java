package io.resourcemanager.testkit;

import java.time.Duration;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * Infrastructure for machines with Docker: an {@code apache/kafka} container (whose Testcontainers
 * defaults already allow transactions on one replica) and an {@code apicurio/apicurio-registry}
 * container with in-memory storage.
 */
final class ContainerInfrastructure implements TestInfrastructure {

    private static final String KAFKA_IMAGE = "apache/kafka:3.9.1";
    private static final String REGISTRY_IMAGE = "apicurio/apicurio-registry:3.0.9";
    private static final int REGISTRY_PORT = 8080;
    private static final Duration REGISTRY_STARTUP_TIMEOUT = Duration.ofMinutes(2);

    private final KafkaContainer kafka;
    private final GenericContainer<?> registry;

    private ContainerInfrastructure(KafkaContainer kafka, GenericContainer<?> registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /**
     * @return running containers
     * @throws IllegalStateException if no Docker environment is reachable
     */
    static ContainerInfrastructure start() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("-D" + InfrastructureMode.PROPERTY + "=testcontainers needs Docker,"
                    + " but no Docker environment was found; start Docker or drop the property to use the"
                    + " embedded broker and registry");
        }
        ContainerInfrastructure containers = new ContainerInfrastructure(
                new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE)),
                new GenericContainer<>(DockerImageName.parse(REGISTRY_IMAGE))
                        .withExposedPorts(REGISTRY_PORT)
                        .waitingFor(Wait.forHttp("/health/ready")
                                .forPort(REGISTRY_PORT)
                                .withStartupTimeout(REGISTRY_STARTUP_TIMEOUT)));
        try {
            Startables.deepStart(containers.kafka, containers.registry).join();
        } catch (RuntimeException e) {
            containers.close();
            throw e;
        }
        return containers;
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String registryBaseUrl() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(REGISTRY_PORT);
    }

    @Override
    public void close() {
        try {
            registry.stop();
        } finally {
            kafka.stop();
        }
    }
}
