package io.resourcemanager.simulator.time;

import java.time.Duration;

/** Realistic wall-clock latencies of the simulated infrastructure, before time scaling. */
public enum Latency {

    /** Full clone of a template disk. */
    CLONE(30, 60),
    /** An asynchronous configuration update (POST config). */
    CONFIGURE(1, 3),
    /** The start task: QEMU process up. */
    START(2, 5),
    /** From a started VM to its kubelet registering the node. */
    BOOT(20, 40),
    /** A guest reacting to an ACPI shutdown request. */
    GUEST_SHUTDOWN(5, 15),
    /** A hard stop. */
    STOP(1, 3),
    /** Destroying a VM and its disks. */
    DESTROY(2, 5),
    /** How often a kubelet posts node status (kubelet's nodeStatusUpdateFrequency). */
    NODE_STATUS_INTERVAL(10, 10),
    /** How long a silent node stays Ready (kube-controller-manager's node-monitor-grace-period). */
    NODE_MONITOR_GRACE(40, 40);

    private final Duration min;
    private final Duration max;

    Latency(int minSeconds, int maxSeconds) {
        this.min = Duration.ofSeconds(minSeconds);
        this.max = Duration.ofSeconds(maxSeconds);
    }

    /** Shortest realistic latency. */
    public Duration min() {
        return min;
    }

    /** Longest realistic latency. */
    public Duration max() {
        return max;
    }
}
