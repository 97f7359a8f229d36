package io.resourcemanager.stack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process the launcher started, its standard output and error going to its own log file. Stopping
 * it stops the processes it started too.
 */
public final class ChildProcess {

    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * @param name       the part of the stack this process is, e.g. {@code kafka}
     * @param command    the command line
     * @param workingDir the directory it runs in
     * @param logFile    the file that receives its output (replaced if it exists)
     * @return the started process
     * @throws UncheckedIOException if the log file cannot be created or the command cannot start
     */
    public static ChildProcess start(String name, List<String> command, Path workingDir, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            return new ChildProcess(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /** @return the part of the stack this process is */
    public String name() {
        return name;
    }

    /** @return the file receiving its output */
    public Path logFile() {
        return logFile;
    }

    /** @return its operating-system handle */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** @return whether it is still running */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * @return its exit code
     * @throws IllegalThreadStateException if it is still running
     */
    public int exitValue() {
        return process.exitValue();
    }

    /**
     * Waits for the process to finish on its own.
     *
     * @param timeout how long to wait
     * @return whether it finished within the timeout
     */
    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the process and its descendants, forcibly if they do not exit within the grace period. */
    public void stop() {
        ProcessTree.stop(process.toHandle(), STOP_GRACE);
    }
}
