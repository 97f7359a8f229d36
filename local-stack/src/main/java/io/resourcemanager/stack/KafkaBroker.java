package io.resourcemanager.stack;

import io.resourcemanager.stack.process.ChildProcess;
import io.resourcemanager.stack.process.JavaCommand;
import io.resourcemanager.stack.process.LogTail;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process) on loopback, run
 * as a child JVM from the launcher's own class path: storage is formatted with
 * {@code kafka.tools.StorageTool}, then {@code kafka.Kafka} serves.
 */
public final class KafkaBroker {

    /** Name of the part in logs and in the endpoint table. */
    public static final String NAME = "kafka";

    private static final String HOST = StackSettings.HOST;
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xmx512m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=logback-child.xml");

    private KafkaBroker() {
    }

    /**
     * Formats fresh storage and starts the broker; it becomes healthy once it serves metadata.
     *
     * @param settings the run's settings
     * @param workDir  where its configuration, data and log go
     * @return the broker part
     */
    public static StackPart start(StackSettings settings, WorkDir workDir) {
        Path config = writeServerProperties(settings, workDir.kafkaDir());
        format(config, settings.repoDir(), workDir.logFile(NAME + "-format"));
        List<String> command = launcherJava("kafka.Kafka").arguments(config.toString()).toList();
        ChildProcess broker = ChildProcess.start(NAME, command, settings.repoDir(), workDir.logFile(NAME));
        String bootstrapServers = bootstrapServers(settings);
        Endpoint endpoint = new Endpoint(NAME, bootstrapServers, List.of(), broker.logFile());
        return new ProcessPart(broker, new KafkaHealthCheck(bootstrapServers), List.of(endpoint));
    }

    /**
     * @param settings the run's settings
     * @return the broker's address for clients, {@code 127.0.0.1:<kafka port>}
     */
    public static String bootstrapServers(StackSettings settings) {
        return HOST + ":" + settings.port(Setting.KAFKA_PORT);
    }

    private static Path writeServerProperties(StackSettings settings, Path kafkaDir) {
        int kafkaPort = settings.port(Setting.KAFKA_PORT);
        int controllerPort = settings.port(Setting.KAFKA_CONTROLLER_PORT);
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        properties.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + kafkaPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + kafkaPort);
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("log.dirs", kafkaDir.resolve("data").toString());
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", "5");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("transaction.state.log.num.partitions", "5");
        properties.setProperty("default.replication.factor", "1");
        properties.setProperty("min.insync.replicas", "1");
        properties.setProperty("auto.create.topics.enable", "false");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        Path config = kafkaDir.resolve("server.properties");
        try {
            Files.createDirectories(kafkaDir);
            try (OutputStream out = Files.newOutputStream(config)) {
                properties.store(out, "written by the local stack; rewritten on every start");
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + config, e);
        }
    }

    private static void format(Path config, Path workingDir, Path logFile) {
        List<String> command = launcherJava("kafka.tools.StorageTool")
                .arguments("format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString())
                .toList();
        ChildProcess format = ChildProcess.start(NAME + "-format", command, workingDir, logFile);
        if (!format.awaitExit(FORMAT_TIMEOUT)) {
            format.stop();
            throw new LocalStackException("Formatting the Kafka storage took longer than " + FORMAT_TIMEOUT.toSeconds() + " s");
        }
        if (format.exitValue() != 0) {
            throw new LocalStackException("Formatting the Kafka storage failed:" + System.lineSeparator()
                    + String.join(System.lineSeparator(), LogTail.of(logFile, 20)));
        }
    }

    private static JavaCommand launcherJava(String mainClass) {
        return JavaCommand.of(mainClass, JavaCommand.launcherClassPath()).jvmOptions(JVM_OPTIONS);
    }
}
