package io.resourcemanager.allocation.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Sizes and bounds of one benchmark run, read from {@code bench.*} system properties.
 *
 * @param nodes nodes loaded into the ledger ({@code bench.nodes})
 * @param allocations live allocations loaded before the measurements ({@code bench.allocations})
 * @param maxLoadRequests requests sent unpaced to measure sustained throughput ({@code bench.maxLoadRequests})
 * @param pacedRates offered loads of the latency phases, requests per second ({@code bench.pacedRates})
 * @param pacedDuration how long each paced phase sends ({@code bench.pacedSeconds})
 * @param loadTimeout longest wait for the nodes, and then the allocations, to be loaded
 *     ({@code bench.loadTimeoutSeconds})
 * @param decisionTimeout longest wait for the decisions of one measured phase after its last send
 *     ({@code bench.timeoutSeconds})
 * @param nodeCpuMillis allocatable CPU of each node ({@code bench.nodeCpuMillis})
 * @param nodeMemoryMb allocatable memory of each node ({@code bench.nodeMemoryMb})
 */
record BenchmarkSettings(int nodes, int allocations, int maxLoadRequests, List<Integer> pacedRates,
                         Duration pacedDuration, Duration loadTimeout, Duration decisionTimeout,
                         int nodeCpuMillis, int nodeMemoryMb) {

    /** The capacity domain every benchmark node and request belongs to. */
    static final String CLUSTER = "bench";

    BenchmarkSettings {
        pacedRates = List.copyOf(pacedRates);
        if (nodes <= 0 || allocations <= 0 || maxLoadRequests <= 0) {
            throw new IllegalArgumentException(
                    "bench.nodes, bench.allocations and bench.maxLoadRequests must be positive");
        }
        if (pacedRates.stream().anyMatch(rate -> rate <= 0)) {
            throw new IllegalArgumentException("bench.pacedRates must be positive");
        }
    }

    /** The settings given as system properties, with the defaults of a full run. */
    static BenchmarkSettings fromSystemProperties() {
        return new BenchmarkSettings(
                Integer.getInteger("bench.nodes", 10_000),
                Integer.getInteger("bench.allocations", 100_000),
                Integer.getInteger("bench.maxLoadRequests", 50_000),
                Arrays.stream(System.getProperty("bench.pacedRates", "100,1000").split(","))
                        .map(String::trim).map(Integer::valueOf).toList(),
                Duration.ofSeconds(Integer.getInteger("bench.pacedSeconds", 20)),
                Duration.ofSeconds(Integer.getInteger("bench.loadTimeoutSeconds", 1800)),
                Duration.ofSeconds(Integer.getInteger("bench.timeoutSeconds", 600)),
                Integer.getInteger("bench.nodeCpuMillis", 16_000),
                Integer.getInteger("bench.nodeMemoryMb", 32_768));
    }

    /** Requests a paced phase at {@code rate} per second sends. */
    int pacedRequests(int rate) {
        return (int) Math.max(1, rate * pacedDuration.toSeconds());
    }

    /** One line describing the run's sizes. */
    String describe() {
        return nodes + " nodes of " + nodeCpuMillis + "m CPU / " + nodeMemoryMb + " MB, " + allocations
                + " live allocations, " + maxLoadRequests + " requests at max load, paced " + pacedRates
                + " requests/s for " + pacedDuration.toSeconds() + " s each";
    }
}
