package io.resourcemanager.testkit.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Apicurio Registry: a separate JVM started from the registry's runner jar, with in-memory
 * storage, bound to the loopback address. Usable from tests and from launchers alike.
 *
 * <p>{@link #start(RegistryOptions)} returns once the registry reports ready. The process is
 * stopped by {@link #close()} or, failing that, when this JVM shuts down.
 */
public final class RegistryProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryProcess.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 30;

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Thread shutdownHook = new Thread(this::close, "apicurio-registry-shutdown");
    private final AtomicBoolean closed = new AtomicBoolean();

    private RegistryProcess(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Unpacks the archive if needed, launches the registry and waits until it is ready.
     *
     * @param options what to run, where, and how long to wait
     * @return the ready registry
     * @throws PortInUseException     if a fixed port is already taken (checked before launching)
     * @throws RegistryStartException if the registry cannot be launched, exits, or is not ready in time
     */
    public static RegistryProcess start(RegistryOptions options) {
        int port = LoopbackPorts.resolve(options.port());
        RegistryProcess registry = launch(options, port);
        try {
            registry.awaitReady(options.startupTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            registry.close();
            throw new RegistryStartException("Interrupted while waiting for the registry on port " + port, e);
        } catch (RegistryStartException e) {
            registry.close();
            throw e;
        }
        LOG.info("Apicurio Registry ready at {} (pid {}, log {})",
                registry.baseUrl(), registry.process.pid(), registry.logFile);
        return registry;
    }

    /**
     * @return the registry's root URL, e.g. {@code http://127.0.0.1:8081}, without trailing slash
     */
    public String baseUrl() {
        return "http://" + LoopbackPorts.HOST + ":" + port;
    }

    /**
     * @return the port the registry listens on
     */
    public int port() {
        return port;
    }

    /**
     * @return the file receiving the registry's output
     */
    public Path logFile() {
        return logFile;
    }

    /**
     * @return whether the registry process is still running
     */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * @return a handle on the registry process, for its pid or to be told when it exits
     */
    public ProcessHandle toHandle() {
        return process.toHandle();
    }

    /** Stops the registry and any process it started, forcibly if it does not stop within 10 s. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            LOG.debug("JVM shutting down; stopping the registry from the shutdown hook");
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static RegistryProcess launch(RegistryOptions options, int port) {
        try {
            Path runnerJar = RegistryInstallation.install(options.archive(), options.installRoot());
            Path logFile = options.logFile().toAbsolutePath();
            Files.createDirectories(logFile.getParent());
            List<String> command = command(options, port, runnerJar);
            LOG.info("Starting Apicurio Registry on port {}, output to {}", port, logFile);
            LOG.debug("Registry command: {}", command);
            Process process = new ProcessBuilder(command)
                    .directory(runnerJar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new RegistryProcess(process, port, logFile);
        } catch (IOException e) {
            throw new RegistryStartException("Could not launch the registry: " + e.getMessage(), e);
        }
    }

    private static List<String> command(RegistryOptions options, int port, Path runnerJar) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return List.of(
                java.toString(),
                "-Xmx" + options.maxHeap(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=" + LoopbackPorts.HOST,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.banner.enabled=false",
                // the only outside endpoint configured is the OIDC server; keep it off explicitly
                "-Dquarkus.oidc.tenant-enabled=false",
                "-Dapicurio.datasource.jdbc.initial-size=2",
                "-Dapicurio.datasource.jdbc.min-size=2",
                "-Dapicurio.datasource.jdbc.max-size=10",
                "-jar", runnerJar.toString());
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        ReadinessProbe probe = new ReadinessProbe(baseUrl());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!probe.isReady()) {
            if (process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                throw failure("exited with code " + process.exitValue() + " before it was ready");
            }
            if (System.nanoTime() - deadline > 0) {
                throw failure("was not ready within " + timeout.toSeconds() + " s");
            }
        }
    }

    private RegistryStartException failure(String what) {
        return new RegistryStartException("Apicurio Registry on port " + port + " " + what
                + "; last lines of " + logFile + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Arrays.asList(
                    new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).split("\\R"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
