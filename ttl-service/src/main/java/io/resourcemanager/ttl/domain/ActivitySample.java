package io.resourcemanager.ttl.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * How busy one temporary worker was when it was sampled.
 *
 * @param worker node name
 * @param cpuFraction CPU in use divided by the node's allocatable CPU (0 = idle, 1 = full)
 * @param workloadPods pods bound to the worker that have not finished (running or starting), other than
 *                     system ones (system namespaces, DaemonSet pods)
 * @param sampledAt when the sample was taken
 */
public record ActivitySample(String worker, double cpuFraction, int workloadPods, Instant sampledAt) {

    public ActivitySample {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(sampledAt, "sampledAt");
        if (cpuFraction < 0 || Double.isNaN(cpuFraction)) {
            throw new IllegalArgumentException("cpuFraction must be a number from 0: " + cpuFraction);
        }
        if (workloadPods < 0) {
            throw new IllegalArgumentException("workloadPods must not be negative: " + workloadPods);
        }
    }
}
