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

/**
 * Remembers the processes a launcher started, so that the next launcher can stop the ones left
 * running when the previous launcher was killed without a chance to clean up.
 *
 * <p>Each line holds a process id and the process's start time. A process counts as a leftover
 * only when both match, so a process id the operating system has since reused is never touched.
 */
public final class PidFile {

    private static final Duration LEFTOVER_STOP_GRACE = Duration.ofSeconds(10);

    private final Path file;

    /** @param file where the process ids are kept */
    public PidFile(Path file) {
        this.file = file;
    }

    /** Records every process the current JVM has started and that is still running. */
    public void recordChildren() {
        String lines = ProcessHandle.current().descendants()
                .flatMap(process -> identity(process).stream())
                .collect(Collectors.joining(System.lineSeparator()));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /**
     * Stops the recorded processes that are still running, then forgets them.
     *
     * @return how many processes were stopped
     */
    public int stopLeftovers() {
        if (!Files.exists(file)) {
            return 0;
        }
        List<ProcessHandle> leftovers = readLines().stream()
                .flatMap(line -> leftover(line).stream())
                .toList();
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

    private List<String> readLines() {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static Optional<String> identity(ProcessHandle process) {
        return process.info().startInstant().map(started -> process.pid() + " " + started);
    }

    private static Optional<ProcessHandle> leftover(String line) {
        String[] fields = line.trim().split(" ");
        try {
            Instant recordedStart = Instant.parse(fields[1]);
            return ProcessHandle.of(Long.parseLong(fields[0]))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().startInstant().filter(recordedStart::equals).isPresent());
        } catch (RuntimeException unreadableLine) {
            return Optional.empty();
        }
    }
}
