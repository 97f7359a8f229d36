package io.resourcemanager.health.domain.repair;

/** What can be wrong with a node, worst first: a node showing several is repaired for the worst. */
public enum Signal {
    /** Ready is not True (or the kubelet stopped reporting). */
    NOT_READY,
    /** The kubelet or the container runtime keeps restarting. */
    KUBELET_CRASH_LOOP,
    /** MemoryPressure is True. */
    MEMORY_PRESSURE,
    /** DiskPressure is True. */
    DISK_PRESSURE
}
