package io.resourcemanager.allocation.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap used by this JVM after a full collection, so successive readings compare live data. */
final class HeapProbe {

    private static final long MIB = 1024 * 1024;

    private HeapProbe() {
    }

    /** Heap in use after {@link System#gc()}, in MiB. */
    static long usedAfterGcMib() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed() / MIB;
    }

    /** The maximum heap of this JVM, in MiB. */
    static long maxMib() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / MIB;
    }
}
