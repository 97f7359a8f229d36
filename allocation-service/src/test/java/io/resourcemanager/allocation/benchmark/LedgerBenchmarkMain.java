package io.resourcemanager.allocation.benchmark;

import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.TopicCreator;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.nio.file.Path;

/**
 * Command-line entry of the allocation ledger benchmark. It starts the test kit's broker and
 * registry on the loopback interface ({@link BenchmarkInfrastructure}), creates the catalogue
 * topics, runs {@link LedgerBenchmark} and prints the report, which it also writes to
 * {@code bench.report} (by default {@code target/benchmarks/allocation-ledger.md}). Sizes come from
 * {@code bench.*} system properties ({@link BenchmarkSettings}). Exits with 1 if a phase did not
 * finish within its bound.
 */
public final class LedgerBenchmarkMain {

    private static final String APPLICATION_ID = "ledger-benchmark";

    private LedgerBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        BenchmarkReport report = new BenchmarkReport("Allocation ledger: " + settings.describe());
        boolean complete;
        try (BenchmarkInfrastructure infrastructure = BenchmarkInfrastructure.start()) {
            complete = run(settings, infrastructure, report);
            report.note("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                    + ", " + Runtime.getRuntime().availableProcessors() + " processors, max heap "
                    + HeapProbe.maxMib() + " MiB; broker " + infrastructure.bootstrapServers()
                    + " in this JVM, registry " + infrastructure.registryBaseUrl() + " in a child process");
        }
        report.note("Source revision: " + System.getProperty("bench.revision", "unknown"));
        report.print(System.out);
        report.write(Path.of(System.getProperty("bench.report", "target/benchmarks/allocation-ledger.md")));
        System.exit(complete ? 0 : 1);
    }

    private static boolean run(BenchmarkSettings settings, BenchmarkInfrastructure infrastructure,
                               BenchmarkReport report) throws Exception {
        String bootstrapServers = infrastructure.bootstrapServers();
        TopicCreator.ensure(infrastructure.admin(), Topics.all(), (short) 1);
        RegistrySettings registry = RegistrySettings.atBaseAddress(infrastructure.registryBaseUrl());
        try (LedgerUnderTest ledger = LedgerUnderTest.withTemporaryState(bootstrapServers, registry, APPLICATION_ID);
             EventPublisher publisher = EventPublisher.connect(bootstrapServers, registry, APPLICATION_ID);
             DecisionTracker tracker = DecisionTracker.start(bootstrapServers, registry)) {
            return new LedgerBenchmark(settings, ledger, publisher, tracker,
                    new ConsumerGroupProbe(infrastructure.admin(), APPLICATION_ID), report).run();
        }
    }
}
