package io.resourcemanager.stack;

import java.nio.file.Path;
import java.util.List;

/** A running part of the stack (the broker, the registry, the simulator or a service) as the launcher supervises it. */
public interface StackPart {

    /** @return a short name, e.g. {@code kafka} or {@code allocation} */
    String name();

    /** @return whether its process is still running */
    boolean isRunning();

    /** @return why it is no longer running, e.g. {@code exited with code 1}; only meaningful once it stopped */
    String exitDescription();

    /**
     * Checks once whether it is ready to serve; see {@link HealthCheck#isHealthy()}.
     *
     * @return whether it is healthy
     */
    boolean isHealthy();

    /** @return where it is reached, for the endpoint table */
    List<Endpoint> endpoints();

    /** @return the file receiving its output */
    Path logFile();

    /** Stops it and every process it started, waiting a bounded time. */
    void stop();
}
