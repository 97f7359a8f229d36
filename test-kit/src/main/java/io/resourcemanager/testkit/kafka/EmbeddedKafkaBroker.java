package io.resourcemanager.testkit.kafka;

import java.util.Map;

import kafka.testkit.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import kafka.testkit.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka cluster (one combined broker and controller) running inside this
 * JVM on a loopback port, configured so that transactions and consumer groups work with a single
 * replica.
 *
 * <p>Its threads are not daemons: call {@link #close()} (the test environment does so from a
 * shutdown hook), or the JVM will not exit.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /** Broker settings on top of the test kit's own: one replica everywhere, small internal topics. */
    private static final Map<String, String> BROKER_CONFIG = Map.of(
            "default.replication.factor", "1",
            "min.insync.replicas", "1",
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "5",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "transaction.state.log.num.partitions", "5",
            "group.initial.rebalance.delay.ms", "0",
            "num.partitions", "1");

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /**
     * Formats and starts the cluster and waits until the broker is ready.
     *
     * @return the running broker
     * @throws IllegalStateException if the cluster cannot start
     */
    public static EmbeddedKafkaBroker start() {
        keepTheJvmAlive();
        KafkaClusterTestKit cluster = build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            closeQuietly(cluster);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Embedded Kafka broker failed to start", e);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(cluster);
        LOG.info("Embedded Kafka broker ready at {}", broker.bootstrapServers());
        return broker;
    }

    /**
     * A broker that meets a failing log directory halts its JVM. Here the JVM is the test run: at its
     * end the test kit's temporary directories are deleted by shutdown hooks that run alongside the one
     * closing the broker, and a halt then would turn a green run into a failed fork. The broker's
     * requests to exit or halt are logged instead.
     */
    private static void keepTheJvmAlive() {
        Exit.setHaltProcedure((status, message) ->
                LOG.warn("Embedded broker asked to halt the JVM with status {} ({}); ignored", status, message));
        Exit.setExitProcedure((status, message) ->
                LOG.warn("Embedded broker asked to exit the JVM with status {} ({}); ignored", status, message));
    }

    /**
     * @return the {@code host:port} list clients connect to
     */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Shuts the broker down and deletes its data directories. */
    @Override
    public void close() {
        closeQuietly(cluster);
    }

    private static KafkaClusterTestKit build() {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        BROKER_CONFIG.forEach(builder::setConfigProp);
        try {
            return builder.build();
        } catch (Exception e) {
            throw new IllegalStateException("Could not configure the embedded Kafka broker", e);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warn("Embedded Kafka broker did not shut down cleanly", e);
        }
    }
}
