package io.resourcemanager.testkit.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start an Apicurio Registry process: which archive to run, where to unpack it, the loopback
 * port to listen on, where its output goes, how long to wait for it and how much heap it gets.
 *
 * <p>Start from {@link #defaults()} and adjust with the {@code with*} methods; every instance is
 * immutable.
 *
 * @param archive        the {@code apicurio-registry-app-<version>-all.tar.gz} to run
 * @param installRoot    directory under which the archive is unpacked once and then reused
 * @param port           loopback port to listen on, or {@link #ANY_FREE_PORT}
 * @param logFile        file that receives the registry's standard output and error
 * @param startupTimeout how long to wait for the registry to report ready
 * @param maxHeap        the registry JVM's maximum heap, in {@code -Xmx} syntax (e.g. {@code 256m})
 */
public record RegistryOptions(
        Path archive, Path installRoot, int port, Path logFile, Duration startupTimeout, String maxHeap) {

    /** The port a registry conventionally listens on outside tests. */
    public static final int DEFAULT_PORT = 8081;

    /** Port value asking for any free loopback port. */
    public static final int ANY_FREE_PORT = 0;

    private static final int MAX_PORT = 65_535;

    /** Validates the options. */
    public RegistryOptions {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(installRoot, "installRoot");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        Objects.requireNonNull(maxHeap, "maxHeap");
        if (port < ANY_FREE_PORT || port > MAX_PORT) {
            throw new IllegalArgumentException("port must be between 0 and " + MAX_PORT + ", was " + port);
        }
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive, was " + startupTimeout);
        }
    }

    /**
     * Options for the archive found by {@link RegistryArchive#locate()}, unpacked under
     * {@link RegistryArchive#defaultInstallRoot()}, on port {@value #DEFAULT_PORT}, logging to
     * {@code apicurio-registry.log} in the temporary directory, waiting up to 60 s, with 256 MB heap.
     *
     * @return the default options
     */
    public static RegistryOptions defaults() {
        return new RegistryOptions(
                RegistryArchive.locate(),
                RegistryArchive.defaultInstallRoot(),
                DEFAULT_PORT,
                Path.of(System.getProperty("java.io.tmpdir"), "apicurio-registry.log"),
                Duration.ofSeconds(60),
                "256m");
    }

    /**
     * @param newArchive the registry archive to run
     * @return a copy with the given archive
     */
    public RegistryOptions withArchive(Path newArchive) {
        return new RegistryOptions(newArchive, installRoot, port, logFile, startupTimeout, maxHeap);
    }

    /**
     * @param newInstallRoot directory under which the archive is unpacked
     * @return a copy with the given install root
     */
    public RegistryOptions withInstallRoot(Path newInstallRoot) {
        return new RegistryOptions(archive, newInstallRoot, port, logFile, startupTimeout, maxHeap);
    }

    /**
     * @param newPort loopback port, or {@link #ANY_FREE_PORT}
     * @return a copy with the given port
     */
    public RegistryOptions withPort(int newPort) {
        return new RegistryOptions(archive, installRoot, newPort, logFile, startupTimeout, maxHeap);
    }

    /**
     * @param newLogFile file receiving the registry's output (appended to)
     * @return a copy with the given log file
     */
    public RegistryOptions withLogFile(Path newLogFile) {
        return new RegistryOptions(archive, installRoot, port, newLogFile, startupTimeout, maxHeap);
    }

    /**
     * @param newStartupTimeout how long to wait for readiness
     * @return a copy with the given timeout
     */
    public RegistryOptions withStartupTimeout(Duration newStartupTimeout) {
        return new RegistryOptions(archive, installRoot, port, logFile, newStartupTimeout, maxHeap);
    }

    /**
     * @param newMaxHeap maximum heap in {@code -Xmx} syntax
     * @return a copy with the given heap limit
     */
    public RegistryOptions withMaxHeap(String newMaxHeap) {
        return new RegistryOptions(archive, installRoot, port, logFile, startupTimeout, newMaxHeap);
    }
}
