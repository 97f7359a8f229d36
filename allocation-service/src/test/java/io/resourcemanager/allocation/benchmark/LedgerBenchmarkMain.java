package io.resourcemanager.allocation.benchmark;

import io.resourcemanager.kafka.EventPublisher;
import io.resourcemanager.kafka.TopicCreator;
import io.resourcemanager.testkit.KafkaTestEnvironment;
import io.resourcemanager.topics.RegistrySettings;
import io.resourcemanager.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command-line entry of the allocation ledger benchmark: starts the test kit's broker and registry
 * on the loopback interface, creates the catalogue topics, runs {@link LedgerBenchmark} and prints
 * the report (also written to {@code bench.report}, by default {@code target/benchmarks/allocation-ledger.md}).
 * Sizes come from {@code bench.*} system properties ({@link BenchmarkSettings}). Exits with 1 if a
 * phase did not finish within its bound.
 */
public final class LedgerBenchmarkMain {

    private static final String APPLICATION_ID = "ledger-benchmark";

    private LedgerBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        BenchmarkReport report = new BenchmarkReport("Allocation ledger: " + settings.describe());
        KafkaTestEnvironment env = KafkaTestEnvironment.get();
        TopicCreator.ensure(env.admin(), Topics.all(), (short) 1);
        RegistrySettings registry = RegistrySettings.atBaseAddress(env.registryBaseUrl());
        Path stateRoot = Files.createTempDirectory("ledger-benchmark-state");
        boolean complete;
        try (EventPublisher publisher = EventPublisher.connect(env.bootstrapServers(), registry, APPLICATION_ID);
             DecisionTracker tracker = DecisionTracker.start(env.bootstrapServers(), registry);
             LedgerUnderTest ledger = new LedgerUnderTest(env.bootstrapServers(), registry, APPLICATION_ID, stateRoot)) {
            complete = new LedgerBenchmark(settings, ledger, publisher, tracker,
                    new ConsumerGroupProbe(env.admin(), APPLICATION_ID), report).run();
        }
        report.note("Source revision: " + System.getProperty("bench.revision", "unknown"));
        report.note("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " processors, max heap " + HeapProbe.maxMib()
                + " MiB; broker " + env.bootstrapServers() + " in this JVM, registry " + env.registryBaseUrl()
                + " in a child process");
        report.print(System.out);
        report.write(Path.of(System.getProperty("bench.report", "target/benchmarks/allocation-ledger.md")));
        System.exit(complete ? 0 : 1);
    }
}
