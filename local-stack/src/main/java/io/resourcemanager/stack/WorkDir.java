package io.resourcemanager.stack;

import io.resourcemanager.stack.process.PidFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The local stack's work directory ({@code .stack} by default): broker data, one log file per
 * part, each service's temporary files (Kafka Streams state included), the unpacked registry and
 * the ids of the running processes.
 *
 * <p>Every run starts from a clean slate: the registry keeps schemas in memory, so records left in
 * the broker by an earlier run could not be decoded. Only the unpacked registry is kept.
 */
public final class WorkDir {

    private final Path root;

    /** @param root the work directory, absolute */
    public WorkDir(Path root) {
        this.root = root;
    }

    /** Deletes what the previous run left (except the unpacked registry) and creates the log directory. */
    public void prepareFreshRun() {
        Stream.of(kafkaDir(), logDir(), root.resolve("tmp")).forEach(WorkDir::deleteRecursively);
        try {
            Files.createDirectories(logDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + logDir(), e);
        }
    }

    /** @return the root of the work directory */
    public Path root() {
        return root;
    }

    /** @return where the broker keeps its configuration and data */
    public Path kafkaDir() {
        return root.resolve("kafka");
    }

    /** @return where the registry archive is unpacked, once */
    public Path registryInstallRoot() {
        return root.resolve("registry");
    }

    /**
     * @param part a part of the stack, e.g. {@code kafka}
     * @return the file receiving that part's output
     */
    public Path logFile(String part) {
        return logDir().resolve(part + ".log");
    }

    /**
     * @param part a part of the stack
     * @return a temporary directory of its own, created if missing
     */
    public Path tmpDir(String part) {
        Path dir = root.resolve("tmp").resolve(part);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir, e);
        }
    }

    /** @return the record of the processes this run started */
    public PidFile pidFile() {
        return new PidFile(root.resolve("pids"));
    }

    private Path logDir() {
        return root.resolve("logs");
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }
}
