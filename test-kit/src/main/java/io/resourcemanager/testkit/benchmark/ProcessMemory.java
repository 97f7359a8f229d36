package io.resourcemanager.testkit.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmark JVM's memory at one moment: heap used after a full GC, the resident set ({@code VmRSS} in
 * {@code /proc/self/status}) and its peak ({@code VmHWM}). Taken between phases only: it forces full GCs.
 *
 * @param heapBytes heap used after {@code System.gc()}
 * @param rssBytes resident set, or -1 where {@code /proc} is not available
 * @param peakRssBytes peak resident set so far, or -1
 */
public record ProcessMemory(long heapBytes, long rssBytes, long peakRssBytes) {

    private static final long MIB = 1024 * 1024;

    /** Measures now (after three full GCs). */
    public static ProcessMemory measure() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Hold.pass(Duration.ofMillis(100));
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Map<String, Long> status = procStatus();
        return new ProcessMemory(heap, status.getOrDefault("VmRSS", -1L), status.getOrDefault("VmHWM", -1L));
    }

    /** "heap / RSS / peak RSS" in MiB. */
    public String describe() {
        return mib(heapBytes) + " / " + mib(rssBytes) + " / " + mib(peakRssBytes);
    }

    /** {@code bytes} in MiB with one decimal, "n/a" when negative (unknown). */
    public static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
    }

    private static Map<String, Long> procStatus() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return Map.of();
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmRSS:") || line.startsWith("VmHWM:"))
                    .collect(Collectors.toMap(line -> line.substring(0, line.indexOf(':')),
                            line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024));
        } catch (IOException e) {
            return Map.of();
        }
    }
}
