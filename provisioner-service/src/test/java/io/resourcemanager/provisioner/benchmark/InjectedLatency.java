package io.resourcemanager.provisioner.benchmark;

import io.resourcemanager.simulator.proxmox.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The latencies the simulator injected into one worker's provisioning: the durations it gave the
 * {@code qmclone}, {@code qmconfig} and {@code qmstart} tasks of the worker's VM (read back from its task
 * list; VM ids are reused, so only tasks started while the worker's saga ran count), and the fixed boot
 * duration the benchmark set.
 *
 * @param cloning the clone task's duration
 * @param configure the configure tasks' durations (more than one only if the step was retried)
 * @param start the start tasks' durations
 * @param boot from the VM running to its guest booted and its kubelet registering the node
 */
record InjectedLatency(Duration cloning, Duration configure, Duration start, Duration boot) {

    /** Everything injected: the part of the time to {@code NodeJoined} the orchestration does not cause. */
    Duration total() {
        return cloning.plus(configure).plus(start).plus(boot);
    }

    /** The latencies injected into provisioning VM {@code vmId} while its saga ran, from {@code from} to {@code to}. */
    static InjectedLatency of(BenchmarkSettings settings, List<Task> tasks, int vmId, Instant from, Instant to) {
        return new InjectedLatency(sum(tasks, "qmclone", vmId, from, to), sum(tasks, "qmconfig", vmId, from, to),
                sum(tasks, "qmstart", vmId, from, to), settings.bootDelay());
    }

    private static Duration sum(List<Task> tasks, String type, int vmId, Instant from, Instant to) {
        return tasks.stream()
                .filter(task -> task.type().equals(type) && task.vm() == vmId)
                .filter(task -> !task.startTime().isBefore(from) && !task.startTime().isAfter(to))
                .map(Task::delay)
                .reduce(Duration.ZERO, Duration::plus);
    }
}
