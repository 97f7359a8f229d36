package io.resourcemanager.stack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Remembers which launcher is running and the processes it started, so that the next launcher can
 * refuse to start beside a running one, and can stop the processes a launcher killed without a
 * chance to clean up (SIGKILL, a crash) left behind.
 *
 * <p>Each line names a role ({@code launcher} or {@code child}), a process id and the process's
 * start time. A recorded process is only recognised when both match, so a process id the operating
 * system has since given to another program is never touched.
 */
public final class PidFile {

    private static final String LAUNCHER = "launcher";
    private static final String CHILD = "child";
    private static final Duration LEFTOVER_STOP_GRACE = Duration.ofSeconds(10);

    private final Path file;

    /** @param file where the process ids are kept */
    public PidFile(Path file) {
        this.file = file;
    }

    /** Records the current JVM as the launcher, and every process it has started that still runs. */
    public void recordChildren() {
        String lines = Stream.concat(
                        line(LAUNCHER, ProcessHandle.current()).stream(),
                        ProcessHandle.current().descendants().flatMap(child -> line(CHILD, child).stream()))
                .collect(Collectors.joining(System.lineSeparator()));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** @return the launcher that wrote the record, if it is still running */
    public Optional<ProcessHandle> runningLauncher() {
        return recorded(LAUNCHER).findFirst();
    }

    /**
     * Stops the recorded child processes that are still running, then forgets the record. Call it
     * only when {@link #runningLauncher()} is empty.
     *
     * @return how many processes were stopped
     */
    public int stopLeftovers() {
        List<ProcessHandle> leftovers = recorded(CHILD).toList();
        ProcessTree.stopAll(leftovers, LEFTOVER_STOP_GRACE);
        delete();
        return leftovers.size();
    }

    /** Forgets the recorded processes, after they were stopped cleanly. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file, e);
        }
    }

    private Stream<ProcessHandle> recorded(String role) {
        if (!Files.exists(file)) {
            return Stream.empty();
        }
        try {
            return Files.readAllLines(file).stream().flatMap(line -> runningProcess(line, role).stream());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static Optional<String> line(String role, ProcessHandle process) {
        return process.info().startInstant().map(started -> role + " " + process.pid() + " " + started);
    }

    private static Optional<ProcessHandle> runningProcess(String line, String role) {
        String[] fields = line.trim().split(" ");
        if (fields.length != 3 || !fields[0].equals(role)) {
            return Optional.empty();
        }
        try {
            Instant recordedStart = Instant.parse(fields[2]);
            return ProcessHandle.of(Long.parseLong(fields[1]))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().startInstant().filter(recordedStart::equals).isPresent());
        } catch (RuntimeException unreadableLine) {
            return Optional.empty();
        }
    }
}
