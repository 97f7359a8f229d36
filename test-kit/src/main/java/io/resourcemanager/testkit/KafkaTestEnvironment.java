package io.resourcemanager.testkit;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one real Kafka broker and schema registry shared by every integration test in a JVM.
 *
 * <p>The first call to {@link #get()} starts both (a few seconds); later calls return the same
 * instance. They stop when the JVM exits. By default the broker runs inside the JVM and the registry
 * as a child process; {@code -Dtest.kafka=testcontainers} runs both in Docker instead.
 *
 * <p>Tests share the broker, so each test should name its topics, consumer groups and application
 * ids with {@link #uniqueName(String)}.
 */
public final class KafkaTestEnvironment {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTestEnvironment.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final int DEFAULT_PARTITIONS = 1;
    private static final short REPLICATION_FACTOR = 1;
    private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicLong NAME_SEQUENCE = new AtomicLong();

    private static KafkaTestEnvironment instance;
    private static RuntimeException startFailure;

    private final TestInfrastructure infrastructure;
    private final Admin admin;

    private KafkaTestEnvironment(TestInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
        this.admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers()));
    }

    /**
     * Returns the environment of this JVM, starting it on first use.
     *
     * @return the shared environment
     * @throws IllegalStateException if it failed to start, now or on an earlier call
     */
    public static synchronized KafkaTestEnvironment get() {
        if (instance == null) {
            if (startFailure != null) {
                throw new IllegalStateException("The Kafka test environment failed to start earlier", startFailure);
            }
            try {
                instance = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    /**
     * @return the {@code host:port} list Kafka clients connect to
     */
    public String bootstrapServers() {
        return infrastructure.bootstrapServers();
    }

    /**
     * @return the registry's root URL, e.g. {@code http://127.0.0.1:41234}, without trailing slash;
     *     the Confluent-compatible API is under {@code /apis/ccompat/v7}
     */
    public String registryBaseUrl() {
        return infrastructure.registryBaseUrl();
    }

    /**
     * @return the registry's native v3 API URL, the value of the Apicurio serde's
     *     {@code apicurio.registry.url} setting
     */
    public String registryApiUrl() {
        return registryBaseUrl() + "/apis/registry/v3";
    }

    /**
     * @return an admin client shared by all tests; do not close it
     */
    public Admin admin() {
        return admin;
    }

    /**
     * Creates topics with one partition and one replica; topics that already exist are left alone.
     *
     * @param names the topic names
     */
    public void createTopics(String... names) {
        createTopics(Arrays.stream(names)
                .map(name -> new NewTopic(name, DEFAULT_PARTITIONS, REPLICATION_FACTOR))
                .toList());
    }

    /**
     * Creates the given topics, waiting up to 30 s; topics that already exist are left alone.
     *
     * @param topics the topics, with their partitions, replication and configs
     * @throws IllegalStateException if a topic cannot be created
     */
    public void createTopics(Collection<NewTopic> topics) {
        Map<String, KafkaFuture<Void>> results = admin.createTopics(List.copyOf(topics)).values();
        results.forEach(KafkaTestEnvironment::awaitCreation);
    }

    /**
     * Makes a name no other test in this run uses, for topics, consumer groups, transactional ids
     * and Streams application ids.
     *
     * @param prefix a readable prefix, e.g. {@code allocation-requests}
     * @return {@code <prefix>-<run id>-<sequence>}, made of characters Kafka accepts in names
     */
    public String uniqueName(String prefix) {
        return prefix + "-" + RUN_ID + "-" + NAME_SEQUENCE.incrementAndGet();
    }

    private static KafkaTestEnvironment start() {
        InfrastructureMode mode = InfrastructureMode.fromSystemProperties();
        LOG.info("Starting the Kafka test environment ({})", mode);
        KafkaTestEnvironment environment = new KafkaTestEnvironment(mode.start());
        Runtime.getRuntime().addShutdownHook(new Thread(environment::stop, "kafka-test-environment-shutdown"));
        LOG.info("Kafka test environment ready: bootstrap servers {}, registry {}",
                environment.bootstrapServers(), environment.registryBaseUrl());
        return environment;
    }

    private void stop() {
        try {
            admin.close(Duration.ofSeconds(5));
        } finally {
            infrastructure.close();
        }
    }

    private static void awaitCreation(String topic, KafkaFuture<Void> creation) {
        try {
            creation.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Topic " + topic + " was not created within " + ADMIN_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        }
    }
}
