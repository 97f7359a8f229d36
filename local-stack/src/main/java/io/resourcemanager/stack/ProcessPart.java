package io.resourcemanager.stack;

import io.resourcemanager.stack.process.ChildProcess;
import java.nio.file.Path;
import java.util.List;

/** A part of the stack that runs as one child process of the launcher. */
public final class ProcessPart implements StackPart {

    private final ChildProcess process;
    private final HealthCheck healthCheck;
    private final List<Endpoint> endpoints;

    /**
     * @param process     the started process
     * @param healthCheck how to tell it is ready
     * @param endpoints   where it is reached
     */
    public ProcessPart(ChildProcess process, HealthCheck healthCheck, List<Endpoint> endpoints) {
        this.process = process;
        this.healthCheck = healthCheck;
        this.endpoints = List.copyOf(endpoints);
    }

    @Override
    public String name() {
        return process.name();
    }

    @Override
    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public String exitDescription() {
        return process.isAlive() ? "still running" : "exited with code " + process.exitValue();
    }

    @Override
    public boolean isHealthy() {
        return healthCheck.isHealthy();
    }

    @Override
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    @Override
    public Path logFile() {
        return process.logFile();
    }

    @Override
    public void stop() {
        process.stop();
    }
}
